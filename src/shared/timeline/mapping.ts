import { keptRanges, type ReadonlyEditList } from './editList';

/**
 * Where a source time lands in the lesson. A removed time reports where its removed range begins in lesson time,
 * which is where the learner passes over the gap, so the editor can draw a flag there.
 */
export type LessonPosition = { kind: 'kept'; lessonMs: number } | { kind: 'removed'; lessonMs: number };

/** A kept source range and where it starts in the lesson. */
export interface KeptSpan {
  readonly sourceStart: number;
  readonly sourceEnd: number;
  readonly lessonStart: number;
}

/** Both directions of the mapping, built once for many look-ups (each is O(log n) in the number of cuts). */
export interface LessonMap {
  readonly duration: number;
  readonly spans: readonly KeptSpan[];
  sourceToLesson(sourceMs: number): LessonPosition;
  lessonToSource(lessonMs: number): number;
}

export function createLessonMap(list: ReadonlyEditList): LessonMap {
  const spans: KeptSpan[] = [];
  let duration = 0;
  for (const range of keptRanges(list)) {
    spans.push({ sourceStart: range.start, sourceEnd: range.end, lessonStart: duration });
    duration += range.end - range.start;
  }

  return {
    duration,
    spans,
    sourceToLesson(sourceMs) {
      const span = lastAtOrBefore(spans, sourceMs, (s) => s.sourceStart);
      if (!span) return { kind: 'removed', lessonMs: 0 };
      if (sourceMs < span.sourceEnd) return { kind: 'kept', lessonMs: span.lessonStart + sourceMs - span.sourceStart };
      return { kind: 'removed', lessonMs: span.lessonStart + span.sourceEnd - span.sourceStart };
    },
    // Ranges are half-open, so a lesson time on a cut boundary belongs to the span that starts there: it maps to the
    // source time just after the cut, the frame the learner actually sees. The lesson's end maps to the end of the
    // last kept range.
    lessonToSource(lessonMs) {
      const clamped = Math.min(Math.max(lessonMs, 0), duration);
      const span = lastAtOrBefore(spans, clamped, (s) => s.lessonStart);
      return span ? span.sourceStart + clamped - span.lessonStart : list.trimStart;
    },
  };
}

export function sourceToLesson(list: ReadonlyEditList, sourceMs: number): LessonPosition {
  return createLessonMap(list).sourceToLesson(sourceMs);
}

export function lessonToSource(list: ReadonlyEditList, lessonMs: number): number {
  return createLessonMap(list).lessonToSource(lessonMs);
}

/** The last item whose key is ≤ `value`, by binary search over items sorted by key. */
function lastAtOrBefore<T>(items: readonly T[], value: number, key: (item: T) => number): T | undefined {
  let low = 0;
  let high = items.length;
  while (low < high) {
    const mid = (low + high) >>> 1;
    const item = items[mid];
    if (item !== undefined && key(item) <= value) low = mid + 1;
    else high = mid;
  }
  return items[low - 1];
}
