import { normalizeEditList, type EditList, type ReadonlyEditList } from './editList';
import { cutRange } from './cutRange';
import { segmentAt } from './segments';
import { formatTimecodeRange } from './timecode';

export interface CutSegmentArgs {
  /** Any source time inside the segment, usually its start. */
  readonly at: number;
}

/** Cuts the whole segment playing at `at`; its splits stay, so restoring the cut brings the segment back intact. */
export function cutSegment(list: ReadonlyEditList, { at }: CutSegmentArgs): EditList {
  const segment = segmentAt(list, at);
  if (!segment) return normalizeEditList(list);
  return cutRange(list, { start: segment.sourceStart, end: segment.sourceEnd });
}

export function describeCutSegment(before: ReadonlyEditList, { at }: CutSegmentArgs): string {
  const segment = segmentAt(before, at);
  return segment ? `Cut segment ${formatTimecodeRange(segment.sourceStart, segment.sourceEnd)}` : 'Cut segment';
}
