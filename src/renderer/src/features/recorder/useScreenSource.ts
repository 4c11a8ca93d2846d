import { useCallback, useEffect, useRef, useState } from 'react';
import type { CaptureSource } from '@shared/contract/capture';
import { studio } from '../../studio';
import { describeMediaError, openScreen, stopStream } from './mediaDevices';

export interface ScreenSource {
  stream: MediaStream | null;
  /** What went wrong the last time, in plain words. */
  error: string | null;
  /** Electron's own picker: the screens and windows to choose from, while it is open. */
  sources: CaptureSource[] | null;
  /** Opens the browser's picker (answers the stream) or the in-app one (answers null; `pick` follows). */
  choose: () => Promise<MediaStream | null>;
  pick: (sourceId: string) => Promise<MediaStream | null>;
  closePicker: () => void;
  release: () => void;
}

/** The screen (or window) to record, held until the teacher leaves the recorder. */
export function useScreenSource(): ScreenSource {
  const [stream, setStream] = useState<MediaStream | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [sources, setSources] = useState<CaptureSource[] | null>(null);
  const current = useRef<MediaStream | null>(null);

  const adopt = useCallback((next: MediaStream) => {
    stopStream(current.current);
    current.current = next;
    next.getVideoTracks()[0]?.addEventListener('ended', () => {
      if (current.current !== next) return;
      current.current = null;
      setStream(null);
    });
    setStream(next);
    setError(null);
    return next;
  }, []);

  const open = useCallback(
    async (sourceId: string | null) => {
      try {
        return adopt(await openScreen(studio, sourceId));
      } catch (failure) {
        setError(describeMediaError(failure, 'screen'));
        return null;
      }
    },
    [adopt],
  );

  const choose = useCallback(async () => {
    // getDisplayMedia needs the click that led here, so the browser path calls it before any other await.
    if (!window.studioBridge) return open(null);
    try {
      const answer = await studio.capture.listSources({});
      if (!answer.pickerInApp) return await open(null);
      setSources(answer.sources);
    } catch (failure) {
      setError(describeMediaError(failure, 'screen'));
    }
    return null;
  }, [open]);

  const pick = useCallback(
    async (sourceId: string) => {
      setSources(null);
      return open(sourceId);
    },
    [open],
  );

  const release = useCallback(() => {
    stopStream(current.current);
    current.current = null;
    setStream(null);
  }, []);

  useEffect(() => () => stopStream(current.current), []);

  return { stream, error, sources, choose, pick, closePicker: () => setSources(null), release };
}
