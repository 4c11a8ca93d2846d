import { BrowserWindow, ipcMain, type IpcMainInvokeEvent } from 'electron';
import type { CallResult } from '@shared/contract';
import type { Studio } from '../studio';
import type { OriginPolicy } from '../window/appOrigin';

/**
 * Electron's side of the contract: every call channel goes through the dispatcher (which validates the input),
 * but only after the sender frame is shown to be our own UI; every event goes to the windows showing our UI.
 * Returns a function that removes the handlers and stops forwarding.
 */
export function registerIpcTransport(studio: Pick<Studio, 'dispatcher' | 'events'>, origins: OriginPolicy): () => void {
  const channels = [...studio.dispatcher.channels];
  for (const channel of channels) {
    ipcMain.handle(channel, (event, input: unknown): Promise<CallResult> => {
      if (!isTrustedSender(event, origins)) {
        return Promise.resolve({
          ok: false,
          error: { code: 'unauthorized', message: `${channel} may only be called by Flipside Studio's own window` },
        });
      }
      // The window is the caller: its long jobs are its own, to cancel when it closes (JobRegistry.cancelOwner).
      return studio.dispatcher.dispatch(channel, input, { caller: `window:${event.sender.id}` });
    });
  }

  const stopForwarding = studio.events.listen((channel, payload) => {
    for (const window of BrowserWindow.getAllWindows()) {
      const contents = window.webContents;
      if (!contents.isDestroyed() && origins.isTrusted(contents.getURL())) contents.send(channel, payload);
    }
  });

  return () => {
    stopForwarding();
    for (const channel of channels) ipcMain.removeHandler(channel);
  };
}

// The frame, not the window: a page that found its way into a subframe must not borrow the window's rights.
function isTrustedSender(event: IpcMainInvokeEvent, origins: OriginPolicy): boolean {
  const frame = event.senderFrame;
  return frame !== null && origins.isTrusted(frame.url);
}
