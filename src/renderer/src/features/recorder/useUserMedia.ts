import { useEffect, useState } from 'react';
import { stopStream } from './mediaDevices';

export interface UserMedia {
  stream: MediaStream | null;
  error: unknown;
  /** The device stopped (unplugged, or taken by another app). */
  ended: boolean;
}

/**
 * Keeps one device open while `enabled`, reopening when `deviceId` changes, and releases it on change and unmount
 * so the camera light goes off as soon as the teacher leaves the recorder.
 */
export function useUserMedia(
  enabled: boolean,
  deviceId: string | null,
  open: (deviceId: string | null) => Promise<MediaStream>,
): UserMedia {
  const [state, setState] = useState<UserMedia>({ stream: null, error: null, ended: false });
  useEffect(() => {
    if (!enabled) {
      setState({ stream: null, error: null, ended: false });
      return;
    }
    let live = true;
    let opened: MediaStream | null = null;
    open(deviceId).then(
      (stream) => {
        if (!live) return stopStream(stream);
        opened = stream;
        stream.getTracks()[0]?.addEventListener('ended', () => live && setState({ stream, error: null, ended: true }));
        setState({ stream, error: null, ended: false });
      },
      (error: unknown) => live && setState({ stream: null, error, ended: false }),
    );
    return () => {
      live = false;
      stopStream(opened);
    };
  }, [enabled, deviceId, open]);
  return state;
}
