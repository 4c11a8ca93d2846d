import type { ReadonlyEditList } from './editList';
import { createLessonMap } from './mapping';

/** A piece of the lesson between cut edges and split points, in both clocks. */
export interface Segment {
  readonly sourceStart: number;
  readonly sourceEnd: number;
  readonly lessonStart: number;
  readonly lessonEnd: number;
}

export function segments(list: ReadonlyEditList): Segment[] {
  const { spans } = createLessonMap(list);
  return spans.flatMap((span) => {
    const inside = [...new Set(list.splits)]
      .filter((at) => span.sourceStart < at && at < span.sourceEnd)
      .sort((a, b) => a - b);
    const edges = [span.sourceStart, ...inside, span.sourceEnd];
    return edges.slice(1).map((end, index) => {
      const start = edges[index] ?? span.sourceStart;
      const lessonStart = span.lessonStart + start - span.sourceStart;
      return { sourceStart: start, sourceEnd: end, lessonStart, lessonEnd: lessonStart + end - start };
    });
  });
}

/** The segment that plays source time `sourceMs`, if it plays at all. */
export function segmentAt(list: ReadonlyEditList, sourceMs: number): Segment | undefined {
  return segments(list).find((segment) => segment.sourceStart <= sourceMs && sourceMs < segment.sourceEnd);
}
