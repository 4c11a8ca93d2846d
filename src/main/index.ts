import path from 'node:path';
import { app, BrowserWindow, dialog, globalShortcut, session, shell } from 'electron';
import { openStudio, type Studio } from './studio';
import { PRODUCT_NAME, resolveDataDir } from './dataDir';
import { registerIpcTransport } from './ipc/ipcTransport';
import { installAppMenu } from './menu';
import { createElectronCapture } from './capture/electronCapture';
import { createOriginPolicy } from './window/appOrigin';
import { handleAppProtocols, registerAppSchemes } from './window/appProtocol';
import { createMainWindow } from './window/createMainWindow';
import { desktopShell } from './window/desktopShell';
import { cancelJobsWhenPageGoes } from './window/windowJobs';
import { applyPermissionPolicy } from './window/permissions';
import { STUDIO_JS_FLAGS } from '@shared/render/headlessChromium';

app.enableSandbox();
app.commandLine.appendSwitch('js-flags', STUDIO_JS_FLAGS);
registerAppSchemes();

if (app.requestSingleInstanceLock()) {
  start();
} else {
  // Another Flipside Studio owns the library; it is told (second-instance) and comes to the front.
  app.quit();
}

function start(): void {
  // A packaged app never loads its UI from a URL given in the environment.
  const devServerUrl = app.isPackaged ? undefined : process.env.ELECTRON_RENDERER_URL;
  const origins = createOriginPolicy(devServerUrl);
  const outDir = path.join(__dirname, '..');
  let mainWindow: BrowserWindow | null = null;

  const showWindow = (): void => {
    if (mainWindow) {
      if (mainWindow.isMinimized()) mainWindow.restore();
      mainWindow.focus();
      return;
    }
    mainWindow = createMainWindow({
      preloadPath: path.join(outDir, 'preload', 'index.cjs'),
      origins,
      iconPath: path.join(outDir, '..', 'resources', 'icon.png'),
    });
    mainWindow.on('closed', () => {
      mainWindow = null;
    });
  };

  app.on('web-contents-created', (_event, contents) => {
    contents.on('will-attach-webview', (event) => event.preventDefault());
    contents.setWindowOpenHandler(() => ({ action: 'deny' }));
  });
  app.on('second-instance', () => {
    if (app.isReady()) showWindow();
  });

  void app.whenReady().then(() => {
    let studio: Studio;
    try {
      studio = openStudio({
        dataDir: resolveDataDir({ env: process.env, fallback: () => app.getPath('userData') }),
        host: 'electron',
        capture: (events) => createElectronCapture(session.defaultSession, events),
        shell: desktopShell(),
        logToConsole: !app.isPackaged,
      });
    } catch (error) {
      // Nothing has been opened or written yet (e.g. a library from a newer version): say why and leave it alone.
      dialog.showErrorBox(
        `${PRODUCT_NAME} cannot open its library`,
        error instanceof Error ? error.message : String(error),
      );
      app.exit(1);
      return;
    }

    // Every page from here on (the main window is made below): its jobs end with it.
    app.on('web-contents-created', (_event, contents) => cancelJobsWhenPageGoes(contents, studio.jobs));
    handleAppProtocols({ rendererRoot: path.join(outDir, 'renderer'), mediaRoot: studio.mediaRoot, devServerUrl });
    applyPermissionPolicy(session.defaultSession, origins);
    const disposeIpc = registerIpcTransport(studio, origins);
    const logFile = studio.log.file;
    installAppMenu({
      events: studio.events,
      platform: process.platform,
      isPackaged: app.isPackaged,
      showLogs: () => shell.showItemInFolder(logFile),
    });
    showWindow();

    app.on('activate', () => {
      if (BrowserWindow.getAllWindows().length === 0) showWindow();
    });
    // will-quit, not before-quit: a quit can still be cancelled until every window has closed. The quit waits
    // while every job is cancelled and awaited, so the database never closes under one.
    let closed = false;
    app.on('will-quit', (event) => {
      if (closed) return;
      event.preventDefault();
      globalShortcut.unregisterAll();
      disposeIpc();
      void studio.close().finally(() => {
        closed = true;
        app.quit();
      });
    });
  });

  app.on('window-all-closed', () => {
    if (process.platform !== 'darwin') app.quit();
  });
}
