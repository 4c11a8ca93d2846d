import type { ViewingEvent } from '../adapter';

/** Ticks further apart than this are two spans (a stall, a frame skipped at a checkpoint); closer ones are one. */
const JOIN_MS = 400;
/** A span is reported at least this often while playing, so a closed lid loses little. */
const SPAN_MAX_MS = 30_000;

export interface ViewingRecorder {
  /** One tick of playback, at the speed it played. */
  watched(fromMs: number, toMs: number, rate: number): void;
  jumped(fromMs: number, toMs: number): void;
  paused(atMs: number): void;
  /** Reports the span being played so far (on save, on pagehide). */
  flush(): void;
}

/** Turns the player's many small ticks into few spans: one per stretch played without a break, at one speed. */
export function createViewingRecorder(emit: (event: ViewingEvent) => void): ViewingRecorder {
  let span: { fromMs: number; toMs: number; rate: number } | null = null;
  let rate: number | null = null;
  const close = () => {
    if (span && span.toMs > span.fromMs) emit({ kind: 'watched', ...span });
    span = null;
  };
  return {
    watched(fromMs, toMs, speed) {
      if (toMs <= fromMs) return;
      if (rate !== null && speed !== rate) {
        close();
        emit({ kind: 'rate', rate: speed });
      }
      rate = speed;
      if (span && Math.abs(fromMs - span.toMs) <= JOIN_MS && toMs - span.fromMs <= SPAN_MAX_MS) {
        span.toMs = toMs;
        return;
      }
      close();
      span = { fromMs, toMs, rate: speed };
    },
    jumped(fromMs, toMs) {
      close();
      if (fromMs !== toMs) emit({ kind: 'seeked', fromMs, toMs });
    },
    paused(atMs) {
      close();
      emit({ kind: 'paused', atMs });
    },
    flush: close,
  };
}
