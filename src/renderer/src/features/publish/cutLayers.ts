import { studio } from '../../studio';
import { CutCancelledError, runCut } from '../render/cut/runCut';

export interface LayersCut {
  /** Resolves when every lesson's layers are made (or were already); rejects with the reason when one cannot be. */
  readonly done: Promise<void>;
  cancel(): void;
}

/**
 * Before a `player` package is built: each lesson's recording cut to its edit list without re-encoding (main copies,
 * this page re-encodes only the frames before each kept part's first keyframe). Lessons cut since their last edit
 * are skipped, so publishing again costs nothing. `onProgress` gets the share done over all the lessons.
 */
export function cutLayers(lessonIds: readonly string[], onProgress: (fraction: number) => void): LayersCut {
  let cancelled = false;
  let cancelRunning: (() => void) | null = null;
  // Read through a function: cancel() may change it between two awaits of the loop.
  const isCancelled = () => cancelled;
  const done = (async () => {
    for (const [index, lessonId] of lessonIds.entries()) {
      if (isCancelled()) throw new CutCancelledError();
      const prepared = await studio.cuts.prepare({ kind: 'layers', lessonId });
      if (prepared.state === 'refused')
        throw new Error(
          `The recording cannot go into the package as it is (${prepared.reason}). Choose “Rendered video files” instead.`,
        );
      if (prepared.state === 'cut') {
        const share = (ms: number) => (prepared.durationMs > 0 ? Math.min(1, ms / prepared.durationMs) : 1);
        const cut = runCut(prepared.cutId, prepared.pieces, {
          onProgress: (ms) => onProgress((index + share(ms)) / lessonIds.length),
        });
        cancelRunning = () => cut.cancel();
        if (isCancelled()) cut.cancel();
        await cut.result;
        cancelRunning = null;
      }
      onProgress((index + 1) / lessonIds.length);
    }
  })();
  return {
    done,
    cancel() {
      cancelled = true;
      cancelRunning?.();
    },
  };
}
