import { BrowserWindow } from 'electron';
import { PRODUCT_NAME } from '../dataDir';
import type { OriginPolicy } from './appOrigin';

export interface MainWindowOptions {
  /** The built sandboxed preload (out/preload/index.cjs). */
  preloadPath: string;
  origins: OriginPolicy;
  /** The window and taskbar icon on Linux (macOS and Windows take theirs from the packaged app). */
  iconPath: string;
}

/** The studio window with Electron's safest settings; it can show only our own UI. */
export function createMainWindow(options: MainWindowOptions): BrowserWindow {
  const window = new BrowserWindow({
    title: PRODUCT_NAME,
    icon: options.iconPath,
    width: 1280,
    height: 800,
    minWidth: 960,
    minHeight: 600,
    // Shown once painted, so the teacher never sees a blank white frame.
    show: false,
    webPreferences: {
      preload: options.preloadPath,
      contextIsolation: true,
      sandbox: true,
      nodeIntegration: false,
      nodeIntegrationInWorker: false,
      webSecurity: true,
      allowRunningInsecureContent: false,
      webviewTag: false,
    },
  });

  window.once('ready-to-show', () => window.show());
  window.webContents.setWindowOpenHandler(() => ({ action: 'deny' }));
  const stayInApp = (event: { url: string; preventDefault(): void }): void => {
    if (!options.origins.isTrusted(event.url)) event.preventDefault();
  };
  window.webContents.on('will-navigate', stayInApp);
  window.webContents.on('will-redirect', stayInApp);

  void window.loadURL(options.origins.entryUrl);
  return window;
}
