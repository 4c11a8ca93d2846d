import { useEffect, useState, useSyncExternalStore } from 'react';
import type { TakeFile } from '@shared/media/takes';
import { mediaUrl } from '../../../studio';
import { createDerivedSource, type DerivedSource } from './derivedSource';

const createWorker = () => new Worker(new URL('./derivedMedia.worker.ts', import.meta.url), { type: 'module' });

/** The filmstrip and waveform source for a take's main file, alive while the editor shows it. */
export function useDerivedSource(takeId: string, file: TakeFile | undefined): DerivedSource | null {
  const [source, setSource] = useState<DerivedSource | null>(null);
  const path = file?.path;
  const startOffsetMs = file?.startOffsetMs ?? 0;
  useEffect(() => {
    if (!path) return undefined;
    const created = createDerivedSource(
      { takeId, url: new URL(mediaUrl(path), window.location.href).href, startOffsetMs },
      createWorker,
    );
    setSource(created);
    return () => {
      created.dispose();
      setSource(null);
    };
  }, [takeId, path, startOffsetMs]);
  return source;
}

const noSubscribe = () => () => undefined;

/** Re-renders the caller whenever a window of derived data arrives. */
export function useDerivedVersion(source: DerivedSource | null): number {
  return useSyncExternalStore(source?.subscribe ?? noSubscribe, source?.version ?? (() => 0));
}
