/** One look at a running job, as the queue panel and the CLI show it. */
export interface RenderProgress {
  /** 0 to 100. */
  readonly percent: number;
  /** Lesson milliseconds rendered per wall-clock millisecond: 8 means eight times real time. */
  readonly speed: number;
  /** Estimated wall-clock milliseconds left; null until there is enough to go on. */
  readonly etaMs: number | null;
}

export const PROGRESS_INTERVAL_MS = 100;
/** Below this much elapsed time the speed is mostly start-up cost and the estimate would jump about. */
const SETTLE_MS = 500;

export interface ProgressMeter {
  /** The new progress, or null when the last one went out less than 100 ms ago (at most ten a second). */
  update(doneMs: number, now: number): RenderProgress | null;
  /** The progress right now, regardless of the throttle. */
  read(doneMs: number, now: number): RenderProgress;
}

export function createProgressMeter(totalMs: number, startedAt: number): ProgressMeter {
  let lastSent = -Infinity;
  const read = (doneMs: number, now: number): RenderProgress => {
    const done = Math.min(Math.max(doneMs, 0), totalMs);
    const elapsed = Math.max(now - startedAt, 0);
    const speed = elapsed > 0 ? done / elapsed : 0;
    const settled = elapsed >= SETTLE_MS && speed > 0;
    return {
      percent: totalMs > 0 ? (done / totalMs) * 100 : 100,
      speed,
      etaMs: settled ? Math.round((totalMs - done) / speed) : null,
    };
  };
  return {
    read,
    update(doneMs, now) {
      if (now - lastSent < PROGRESS_INTERVAL_MS && doneMs < totalMs) return null;
      lastSent = now;
      return read(doneMs, now);
    },
  };
}

/** "7.4× real time" */
export function formatSpeed(speed: number): string {
  return `${speed >= 10 ? Math.round(speed) : speed.toFixed(1)}× real time`;
}

/** "12 s left", "3 min left", "about 1 h 5 min left"; "estimating…" before there is an estimate. */
export function formatTimeLeft(etaMs: number | null): string {
  if (etaMs === null) return 'estimating…';
  const seconds = Math.ceil(etaMs / 1000);
  if (seconds < 60) return `${seconds} s left`;
  const minutes = Math.round(seconds / 60);
  if (minutes < 60) return `${minutes} min left`;
  return `about ${Math.floor(minutes / 60)} h ${minutes % 60} min left`;
}
