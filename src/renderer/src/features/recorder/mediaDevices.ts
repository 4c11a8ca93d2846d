import type { StudioClient } from '@shared/contract';

/** What to record: the screen with the camera as a bubble, the screen alone, or the camera alone. */
export type RecordingMode = 'screen-camera' | 'screen' | 'camera';

export const usesScreen = (mode: RecordingMode): boolean => mode !== 'camera';
export const usesCamera = (mode: RecordingMode): boolean => mode !== 'screen';

export function openCamera(deviceId: string | null): Promise<MediaStream> {
  return navigator.mediaDevices.getUserMedia({
    video: { ...(deviceId ? { deviceId: { exact: deviceId } } : {}), width: { ideal: 1280 }, height: { ideal: 720 } },
    audio: false,
  });
}

export function openMicrophone(deviceId: string | null): Promise<MediaStream> {
  return navigator.mediaDevices.getUserMedia({
    audio: { ...(deviceId ? { deviceId: { exact: deviceId } } : {}), echoCancellation: true, noiseSuppression: true },
    video: false,
  });
}

type DisplayOptions = DisplayMediaStreamOptions & { preferCurrentTab?: boolean };

/**
 * The screen or window to record. In Electron the studio has already told main which source to give
 * (`capture.chooseSource`); in a browser the browser shows its own picker.
 */
export async function openScreen(studio: StudioClient, sourceId: string | null): Promise<MediaStream> {
  if (sourceId) await studio.capture.chooseSource({ id: sourceId });
  const options: DisplayOptions = { video: true, audio: false, preferCurrentTab: sourceId === null };
  return navigator.mediaDevices.getDisplayMedia(options);
}

export function stopStream(stream: MediaStream | null): void {
  stream?.getTracks().forEach((track) => track.stop());
}

/** A device error in words a teacher can act on. */
export function describeMediaError(error: unknown, device: 'camera' | 'microphone' | 'screen'): string {
  const name = error instanceof DOMException ? error.name : '';
  if (name === 'NotAllowedError' || name === 'SecurityError') {
    return device === 'screen'
      ? 'Screen sharing was cancelled or is not allowed. Choose the screen again to record it.'
      : `The studio may not use the ${device}. Allow it in your system’s privacy settings, then try again.`;
  }
  if (name === 'NotFoundError' || name === 'OverconstrainedError')
    return `No ${device} was found. Plug one in, or choose another.`;
  if (name === 'NotReadableError' || name === 'AbortError')
    return `The ${device} is busy or stopped working. Close other apps that use it, then try again.`;
  return `The ${device} could not be started${error instanceof Error && error.message ? ` (${error.message})` : ''}.`;
}
