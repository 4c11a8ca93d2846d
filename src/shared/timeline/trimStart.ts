import { finishEdit, type EditList, type ReadonlyEditList } from './editList';
import { clampMs } from './ranges';
import { formatTimecode } from './timecode';

export interface SetTrimStartArgs {
  /** Source time where the lesson should begin. */
  readonly at: number;
}

/** Moves the start of the lesson, clamped so at least 1 ms stays before the trim end. Cuts before it fall away. */
export function setTrimStart(list: ReadonlyEditList, { at }: SetTrimStartArgs): EditList {
  return finishEdit({ ...list, trimStart: clampedTrimStart(list, at) });
}

export function describeSetTrimStart(before: ReadonlyEditList, { at }: SetTrimStartArgs): string {
  return `Trim start to ${formatTimecode(clampedTrimStart(before, at))}`;
}

function clampedTrimStart(list: ReadonlyEditList, at: number): number {
  return clampMs(at, 0, list.trimEnd - 1);
}
