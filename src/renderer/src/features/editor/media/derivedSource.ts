import { studio } from '../../../studio';
import { cacheKey, type DerivedKind, type DerivedRequest, type DerivedResponse } from './derivedFormat';

export interface DerivedSource {
  /** Says which windows of one kind the timeline shows now, nearest first; only those are loaded or computed. */
  want: (kind: DerivedKind, windows: readonly number[]) => void;
  bytes: (kind: DerivedKind, window: number) => Uint8Array | undefined;
  /** An object URL of a window's thumbnail sprite. */
  spriteUrl: (window: number) => string | undefined;
  subscribe: (listener: () => void) => () => void;
  /** Goes up whenever a window arrives, for useSyncExternalStore. */
  version: () => number;
  dispose: () => void;
}

interface FileRef {
  readonly takeId: string;
  readonly url: string;
  readonly startOffsetMs: number;
}

/**
 * Thumbnails and peaks for one file: each window is read from the take's derived cache first, and only computed
 * (in a worker, one window at a time) when it is missing; what is computed is written back to the cache.
 */
export function createDerivedSource(file: FileRef, createWorker: () => Worker): DerivedSource {
  const data = new Map<string, Uint8Array>();
  const urls = new Map<number, string>();
  const failed = new Set<string>();
  const wanted: Record<DerivedKind, number[]> = { thumbs: [], peaks: [] };
  const listeners = new Set<() => void>();
  let version = 0;
  let busy = false;
  let disposed = false;
  // Read through a function: dispose() sets it while pump() awaits, which narrowing cannot see.
  const isDisposed = () => disposed;
  let worker: Worker | null = null;
  let nextId = 0;
  const pending = new Map<number, (response: DerivedResponse) => void>();

  const compute = (kind: DerivedKind, window: number) =>
    new Promise<DerivedResponse>((resolve) => {
      if (!worker) {
        worker = createWorker();
        worker.onmessage = (event: MessageEvent<DerivedResponse>) => {
          pending.get(event.data.id)?.(event.data);
          pending.delete(event.data.id);
        };
      }
      const request: DerivedRequest = {
        id: (nextId += 1),
        kind,
        url: file.url,
        window,
        startOffsetMs: file.startOffsetMs,
      };
      pending.set(request.id, resolve);
      worker.postMessage(request);
    });

  const nextWanted = (): [DerivedKind, number] | null => {
    // Peaks and thumbnails take turns, so the waveform fills in as fast as the filmstrip.
    const candidates = (['peaks', 'thumbs'] as const).map(
      (kind) =>
        [kind, wanted[kind].find((w) => !data.has(cacheKey(kind, w)) && !failed.has(cacheKey(kind, w)))] as const,
    );
    const found = candidates.filter(
      (candidate): candidate is readonly [DerivedKind, number] => candidate[1] !== undefined,
    );
    const pick = found[version % found.length];
    return pick ? [pick[0], pick[1]] : null;
  };

  const store = (kind: DerivedKind, window: number, bytes: Uint8Array) => {
    data.set(cacheKey(kind, window), bytes);
    version += 1;
    listeners.forEach((listener) => listener());
  };

  const pump = async () => {
    if (busy || disposed) return;
    busy = true;
    for (let next = nextWanted(); next && !isDisposed(); next = nextWanted()) {
      const [kind, window] = next;
      const key = cacheKey(kind, window);
      try {
        const cached = await studio.derived.read({ takeId: file.takeId, key });
        if (cached.data) {
          store(kind, window, cached.data);
          continue;
        }
        const response = await compute(kind, window);
        if ('error' in response) throw new Error(response.error);
        store(kind, window, response.data);
        void studio.derived.write({ takeId: file.takeId, key, data: response.data }).catch(() => undefined);
      } catch {
        failed.add(key);
      }
    }
    busy = false;
  };

  return {
    want(kind, windows) {
      wanted[kind] = [...windows];
      void pump();
    },
    bytes: (kind, window) => data.get(cacheKey(kind, window)),
    spriteUrl(window) {
      let url = urls.get(window);
      const bytes = data.get(cacheKey('thumbs', window));
      if (!url && bytes) {
        url = URL.createObjectURL(new Blob([bytes.slice()], { type: 'image/jpeg' }));
        urls.set(window, url);
      }
      return url;
    },
    subscribe(listener) {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
    version: () => version,
    dispose() {
      disposed = true;
      worker?.terminate();
      urls.forEach((url) => URL.revokeObjectURL(url));
      listeners.clear();
    },
  };
}
