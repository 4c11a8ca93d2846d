import { BrowserWindow, desktopCapturer, globalShortcut, type Session } from 'electron';
import type { Contract, ServiceHandlers } from '@shared/contract';
import { StudioError } from '@shared/contract/result';
import { RECORDING_SHORTCUTS } from '@shared/capture/recordingShortcuts';
import type { EventHub } from '../rpc/eventHub';

/**
 * Electron's capture: the teacher picks a screen or window from our own list with thumbnails, and the session's
 * display-media handler hands that source to the renderer's getDisplayMedia call.
 */
export function createElectronCapture(
  session: Session,
  events: EventHub<Contract>,
): ServiceHandlers<Contract['capture']> {
  let chosen: string | null = null;

  session.setDisplayMediaRequestHandler((_request, callback) => {
    void desktopCapturer.getSources({ types: ['screen', 'window'] }).then((sources) => {
      const source =
        sources.find((each) => each.id === chosen) ?? sources.find((each) => each.id.startsWith('screen:'));
      // Passing no video refuses the request; getDisplayMedia then rejects and the recorder says so.
      callback(source ? { video: source } : {});
    });
  });

  return {
    async listSources() {
      const sources = await desktopCapturer.getSources({
        types: ['screen', 'window'],
        thumbnailSize: { width: 320, height: 180 },
        fetchWindowIcons: false,
      });
      const ownTitles = new Set(BrowserWindow.getAllWindows().map((window) => window.getTitle()));
      return {
        pickerInApp: true,
        sources: sources
          .filter((source) => !ownTitles.has(source.name))
          .map((source) => ({
            id: source.id,
            name: source.name,
            kind: source.id.startsWith('screen:') ? ('screen' as const) : ('window' as const),
            thumbnail: source.thumbnail.toDataURL(),
          })),
      };
    },
    async chooseSource({ id }) {
      const sources = await desktopCapturer.getSources({
        types: ['screen', 'window'],
        thumbnailSize: { width: 0, height: 0 },
      });
      if (!sources.some((source) => source.id === id))
        throw new StudioError('not_found', 'That screen or window is no longer available; choose another');
      chosen = id;
      return {};
    },
    setRecording({ recording }) {
      // Content protection keeps our window out of the screen take on macOS and Windows; Linux has no such API.
      for (const window of BrowserWindow.getAllWindows()) window.setContentProtection(recording);
      if (recording) {
        globalShortcut.register(RECORDING_SHORTCUTS.togglePause, () =>
          events.emit('app', 'onDidRequestCommand', { command: 'toggleRecordingPause' }),
        );
        globalShortcut.register(RECORDING_SHORTCUTS.stop, () =>
          events.emit('app', 'onDidRequestCommand', { command: 'stopRecording' }),
        );
      } else {
        globalShortcut.unregister(RECORDING_SHORTCUTS.togglePause);
        globalShortcut.unregister(RECORDING_SHORTCUTS.stop);
      }
      return { windowHidden: recording && process.platform !== 'linux' };
    },
  };
}
