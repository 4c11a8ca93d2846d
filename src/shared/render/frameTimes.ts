import type { KeptSpan } from '../timeline/mapping';
import type { TimeRange } from '../timeline/ranges';

/**
 * The source time (ms, on the take's clock) output frame `index` shows. Each frame samples the middle of its own
 * interval, so a frame straddling a cut shows whichever side holds most of it and a frame on the source's own grid
 * is never picked a rounding error early.
 */
export function sourceTimeOfFrame(
  spans: readonly KeptSpan[],
  durationMs: number,
  frameRate: number,
  index: number,
): number {
  const lessonMs = Math.min(((index + 0.5) * 1000) / frameRate, durationMs);
  return sourceTimeAt(spans, lessonMs);
}

/** Lesson time to source time with fractional milliseconds; a time on a cut belongs to the span starting there. */
export function sourceTimeAt(spans: readonly KeptSpan[], lessonMs: number): number {
  let chosen = spans[0];
  for (const span of spans) {
    if (span.lessonStart <= lessonMs) chosen = span;
    else break;
  }
  if (!chosen) return 0;
  return chosen.sourceStart + Math.min(lessonMs - chosen.lessonStart, chosen.sourceEnd - chosen.sourceStart);
}

/** Whether a lesson time falls inside any of the sorted ranges. */
export function within(ranges: readonly TimeRange[], lessonMs: number): boolean {
  return ranges.some((range) => range.start <= lessonMs && lessonMs < range.end);
}
