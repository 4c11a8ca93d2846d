import type { KeptSpan } from '../timeline/mapping';
import type { TimeRange } from '../timeline/ranges';

/** The lesson-time ranges where the bubble shows: each kept span less the hidden source ranges, mapped to the lesson. */
export function shownRanges(hidden: readonly TimeRange[], spans: readonly KeptSpan[]): TimeRange[] {
  const shown: TimeRange[] = [];
  for (const span of spans) {
    let pieces: TimeRange[] = [{ start: span.sourceStart, end: span.sourceEnd }];
    for (const gap of hidden) {
      pieces = pieces.flatMap((piece) =>
        [
          { start: piece.start, end: Math.min(piece.end, gap.start) },
          { start: Math.max(piece.start, gap.end), end: piece.end },
        ].filter((part) => part.start < part.end),
      );
    }
    for (const piece of pieces) {
      const start = span.lessonStart + piece.start - span.sourceStart;
      const end = span.lessonStart + piece.end - span.sourceStart;
      const last = shown.at(-1);
      if (last && last.end === start) shown[shown.length - 1] = { start: last.start, end };
      else shown.push({ start, end });
    }
  }
  return shown;
}
