import { finishEdit, normalizeEditList, type EditList, type ReadonlyEditList } from './editList';
import { createLessonMap } from './mapping';
import { formatTimecode } from './timecode';

export interface SplitArgs {
  /** A source time. */
  readonly at: number;
}

/**
 * Divides the segment playing at `at` in two; nothing is removed. A split where nothing plays, or on an existing
 * segment edge, would divide nothing, so it changes nothing.
 */
export function splitAt(list: ReadonlyEditList, { at }: SplitArgs): EditList {
  const normal = normalizeEditList(list);
  const point = Math.round(at);
  const inside = createLessonMap(normal).spans.some((span) => span.sourceStart < point && point < span.sourceEnd);
  return inside ? finishEdit({ ...normal, splits: [...normal.splits, point] }) : normal;
}

/** Joins the two segments on either side of a split. */
export function removeSplit(list: ReadonlyEditList, { at }: SplitArgs): EditList {
  const point = Math.round(at);
  return finishEdit({ ...list, splits: list.splits.filter((split) => split !== point) });
}

export function describeSplitAt(_before: ReadonlyEditList, { at }: SplitArgs): string {
  return `Split at ${formatTimecode(at)}`;
}

export function describeRemoveSplit(_before: ReadonlyEditList, { at }: SplitArgs): string {
  return `Join at ${formatTimecode(at)}`;
}
