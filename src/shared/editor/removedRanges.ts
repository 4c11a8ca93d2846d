import { normalizeEditList, type ReadonlyEditList } from '../timeline/editList';
import { createLessonMap } from '../timeline/mapping';

/** A stretch of the take that does not play, where the timeline draws a cut edge the teacher can restore. */
export interface RemovedRange {
  readonly kind: 'trim-start' | 'cut' | 'trim-end';
  readonly start: number;
  readonly end: number;
  /** Where the learner passes over it. */
  readonly lessonMs: number;
}

export function removedRanges(list: ReadonlyEditList): RemovedRange[] {
  const normal = normalizeEditList(list);
  const map = createLessonMap(normal);
  const ranges: Omit<RemovedRange, 'lessonMs'>[] = [
    ...(normal.trimStart > 0 ? [{ kind: 'trim-start' as const, start: 0, end: normal.trimStart }] : []),
    ...normal.cuts.map((cut) => ({ kind: 'cut' as const, ...cut })),
    ...(normal.trimEnd < normal.sourceDuration
      ? [{ kind: 'trim-end' as const, start: normal.trimEnd, end: normal.sourceDuration }]
      : []),
  ];
  return ranges.map((range) => ({ ...range, lessonMs: map.sourceToLesson(range.start).lessonMs }));
}
