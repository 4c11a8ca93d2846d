import type { ReadonlyEditList } from './editList';
import { createLessonMap } from './mapping';

/** A marker or checkpoint: one moment of the take. */
export interface PointAnchor {
  readonly id: string;
  readonly sourceMs: number;
}

/** A callout: a span of the take. */
export interface RangeAnchor {
  readonly id: string;
  readonly sourceStart: number;
  readonly sourceEnd: number;
}

/**
 * A removed anchor still has a lesson time (where its removed range begins), so the editor can flag it in place.
 * Nothing is ever dropped: restoring the cut changes the mapping and the flag goes away by itself.
 */
export type PlacedPoint<A extends PointAnchor> = A & { removed: boolean; lessonMs: number };

/** `clipped` says part of the callout no longer plays, which the teacher may want to know. */
export type PlacedRange<A extends RangeAnchor> = A & {
  removed: boolean;
  clipped: boolean;
  lessonStart: number;
  lessonEnd: number;
};

export function placeAnchors<A extends PointAnchor>(list: ReadonlyEditList, anchors: readonly A[]): PlacedPoint<A>[] {
  const map = createLessonMap(list);
  return anchors.map((anchor) => {
    const position = map.sourceToLesson(anchor.sourceMs);
    return { ...anchor, removed: position.kind === 'removed', lessonMs: position.lessonMs };
  });
}

/**
 * A callout maps to the lesson range of the part of it that still plays. Lesson time of any source time counts the
 * kept milliseconds before it, so mapping both ends gives exactly that intersection, whether the ends are kept or not.
 */
export function placeCallouts<A extends RangeAnchor>(list: ReadonlyEditList, callouts: readonly A[]): PlacedRange<A>[] {
  const map = createLessonMap(list);
  return callouts.map((callout) => {
    const lessonStart = map.sourceToLesson(callout.sourceStart).lessonMs;
    const lessonEnd = Math.max(lessonStart, map.sourceToLesson(callout.sourceEnd).lessonMs);
    const removed = lessonEnd === lessonStart;
    return {
      ...callout,
      removed,
      clipped: !removed && lessonEnd - lessonStart < callout.sourceEnd - callout.sourceStart,
      lessonStart,
      lessonEnd,
    };
  });
}
