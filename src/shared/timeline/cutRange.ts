import { finishEdit, type EditList, type ReadonlyEditList } from './editList';
import { orderedRange, type TimeRange } from './ranges';
import { formatTimecodeRange } from './timecode';

/** A source range [start, end); the ends may come in either order, as a drag does. */
export interface CutRangeArgs {
  readonly start: number;
  readonly end: number;
}

/** Removes a source range from the lesson. Refuses (EditRefusedError) when nothing would be left to play. */
export function cutRange(list: ReadonlyEditList, args: CutRangeArgs): EditList {
  return finishEdit({ ...list, cuts: [...list.cuts, cutOf(args)] });
}

// Labels name source times, the take's own ruler, because lesson times in an old undo entry would go stale as soon
// as a later edit moved them.
export function describeCutRange(_before: ReadonlyEditList, args: CutRangeArgs): string {
  const cut = cutOf(args);
  return `Cut ${formatTimecodeRange(cut.start, cut.end)}`;
}

function cutOf({ start, end }: CutRangeArgs): TimeRange {
  return orderedRange(Math.round(start), Math.round(end));
}
