import { finishEdit, normalizeEditList, type EditList, type ReadonlyEditList } from './editList';
import { orderedRange, subtractRange, type TimeRange } from './ranges';
import { formatTimecodeRange } from './timecode';

/** Either the whole cut at a source time, or exactly a source range (which may be part of a cut, or span several). */
export type RestoreCutArgs = { readonly at: number } | { readonly start: number; readonly end: number };

/** Puts removed media back. Restoring where nothing is cut changes nothing. */
export function restoreCut(list: ReadonlyEditList, args: RestoreCutArgs): EditList {
  const normal = normalizeEditList(list);
  const range = restoredRange(normal, args);
  return range ? finishEdit({ ...normal, cuts: subtractRange(normal.cuts, range) }) : normal;
}

export function describeRestoreCut(before: ReadonlyEditList, args: RestoreCutArgs): string {
  const range = restoredRange(normalizeEditList(before), args);
  return range ? `Restore ${formatTimecodeRange(range.start, range.end)}` : 'Restore cut';
}

/**
 * The cut whose edges include `sourceMs`. Both edges count, so a click on either end of a cut finds it; normalized
 * cuts never touch, so that is never ambiguous.
 */
export function cutAt(list: ReadonlyEditList, sourceMs: number): TimeRange | undefined {
  return normalizeEditList(list).cuts.find((cut) => cut.start <= sourceMs && sourceMs <= cut.end);
}

function restoredRange(normal: EditList, args: RestoreCutArgs): TimeRange | undefined {
  if ('at' in args) return cutAt(normal, args.at);
  return orderedRange(Math.round(args.start), Math.round(args.end));
}
