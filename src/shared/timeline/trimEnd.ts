import { finishEdit, type EditList, type ReadonlyEditList } from './editList';
import { clampMs } from './ranges';
import { formatTimecode } from './timecode';

export interface SetTrimEndArgs {
  /** Source time where the lesson should end (the first millisecond that no longer plays). */
  readonly at: number;
}

/** Moves the end of the lesson, clamped between just after the trim start and the end of the take. */
export function setTrimEnd(list: ReadonlyEditList, { at }: SetTrimEndArgs): EditList {
  return finishEdit({ ...list, trimEnd: clampedTrimEnd(list, at) });
}

export function describeSetTrimEnd(before: ReadonlyEditList, { at }: SetTrimEndArgs): string {
  return `Trim end to ${formatTimecode(clampedTrimEnd(before, at))}`;
}

function clampedTrimEnd(list: ReadonlyEditList, at: number): number {
  return clampMs(at, list.trimStart + 1, list.sourceDuration);
}
