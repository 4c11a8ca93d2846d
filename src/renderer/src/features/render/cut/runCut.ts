import type { CutOutcome, CutPiece } from '@shared/contract/cuts';
import { studio } from '../../../studio';
import { createCutEncoder } from './cutEncoder';
import { decodePiece } from './decodePiece';

export interface CutCallbacks {
  /** Lesson milliseconds written by main so far. */
  onProgress?(doneMs: number): void;
  /** The pieces at cuts are being re-encoded (this page's work, before main copies). */
  onEncoding?(done: number, total: number): void;
}

export interface RunningCut {
  readonly result: Promise<CutOutcome>;
  cancel(): void;
}

/**
 * The page's part of a cut made in main: re-encode the pieces main handed over (WebCodecs: decode from the keyframe
 * before, encode from a forced keyframe), give them back, then let main copy everything else and write the files.
 */
export function runCut(cutId: string, pieces: readonly CutPiece[], callbacks: CutCallbacks = {}): RunningCut {
  let cancelled = false;
  const isCancelled = () => cancelled;
  const off = studio.cuts.onDidProgress((event) => {
    if (event.cutId === cutId) callbacks.onProgress?.(event.doneMs);
  });
  const result = (async () => {
    try {
      const encoders = new Map<string, Awaited<ReturnType<typeof createCutEncoder>>>();
      try {
        callbacks.onEncoding?.(0, pieces.length);
        for (const [done, piece] of pieces.entries()) {
          if (isCancelled()) throw new CutCancelledError();
          // One encoder per file, so all of one file's pieces share their parameter sets.
          let encoder = encoders.get(piece.role);
          if (!encoder) {
            encoder = await createCutEncoder(piece, piece.codec);
            encoders.set(piece.role, encoder);
          }
          const packets = await encoder.encode(decodePiece(piece), piece.frames);
          await studio.cuts.supply({ cutId, index: piece.index, packets });
          callbacks.onEncoding?.(done + 1, pieces.length);
        }
      } finally {
        for (const encoder of encoders.values()) encoder.close();
      }
      if (isCancelled()) throw new CutCancelledError();
      return await studio.cuts.run({ cutId });
    } catch (error) {
      if (!isCancelled()) void studio.cuts.cancel({ cutId }).catch(() => undefined);
      throw isCancelled() ? new CutCancelledError() : error;
    } finally {
      off();
    }
  })();
  return {
    result,
    cancel() {
      if (cancelled) return;
      cancelled = true;
      void studio.cuts.cancel({ cutId }).catch(() => undefined);
    },
  };
}

export class CutCancelledError extends Error {
  override readonly name = 'CutCancelledError';
  constructor() {
    super('The cut was cancelled');
  }
}
