import path from 'node:path';
import { app, BrowserWindow, dialog, shell } from 'electron';
import type { FileShell } from '../files/FilesService';

/** The save dialog, over the focused window and starting in Downloads, and the file manager. */
export function desktopShell(): FileShell {
  return {
    async chooseSavePath(suggestedName, kind) {
      const extension = path.extname(suggestedName).slice(1);
      const options: Electron.SaveDialogOptions = {
        title: kind === 'folder' ? 'Save the web folder as' : 'Save as',
        defaultPath: path.join(app.getPath('downloads'), suggestedName),
        properties: ['createDirectory', 'showOverwriteConfirmation'],
        ...(kind === 'file' && extension !== ''
          ? { filters: [{ name: extension.toUpperCase(), extensions: [extension] }] }
          : {}),
      };
      const window = BrowserWindow.getFocusedWindow();
      const answer = window ? await dialog.showSaveDialog(window, options) : await dialog.showSaveDialog(options);
      return answer.canceled || !answer.filePath ? null : answer.filePath;
    },
    reveal: (file) => shell.showItemInFolder(file),
  };
}
