import { useEffect, useState } from 'react';
import type { LibraryFile, SaveAsOutcome } from '@shared/contract/files';
import { mediaUrl, studio } from '../studio';
import type { Toaster } from '../ui/Toast';

/** Whether this window can show a file in the operating system's file manager (only the desktop app can). */
export function useCanShowInFolder(): boolean {
  const [can, setCan] = useState(false);
  useEffect(() => {
    let live = true;
    void studio.app.info({}).then((info) => live && setCan(info.host === 'electron'));
    return () => {
      live = false;
    };
  }, []);
  return can;
}

/**
 * Save as…: the desktop app asks where and copies; the browser host downloads the file under the same readable
 * name (the media URL is same-origin, so the download attribute names it).
 */
export async function saveFileAs(file: LibraryFile, toast: Toaster): Promise<void> {
  try {
    deliverSaved(await studio.files.saveAs(file), toast);
  } catch (error) {
    toast.error(error);
  }
}

/** What a finished Save as… ends with: a word that it was saved, or the page's download. */
export function deliverSaved(answer: SaveAsOutcome, toast: Toaster): void {
  if (answer.outcome === 'saved') toast.show({ message: `Saved as ${answer.path}` });
  if (answer.outcome !== 'download') return;
  const link = document.createElement('a');
  link.href = mediaUrl(answer.mediaPath);
  link.download = answer.fileName;
  link.click();
}

export async function showInFolder(file: LibraryFile, toast: Toaster): Promise<void> {
  try {
    const { shown } = await studio.files.reveal(file);
    if (!shown) toast.show({ message: 'Only the desktop app can open a folder.' });
  } catch (error) {
    toast.error(error);
  }
}
