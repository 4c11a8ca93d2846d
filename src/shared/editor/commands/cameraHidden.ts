import { cameraLayoutSchema, type CameraLayout, type LessonDocument } from '../document';
import { formatTimecodeRange } from '../../timeline';
import { defineCommand } from './command';

export interface CameraRangeArgs {
  readonly start: number;
  readonly end: number;
}

type Range = CameraLayout['hidden'][number];

/** Sorted, with overlapping or touching ranges joined, so one stretch of hidden camera is one range. */
export function mergeRanges(ranges: readonly Range[]): Range[] {
  const sorted = ranges.filter((range) => range.start < range.end).toSorted((a, b) => a.start - b.start);
  const merged: Range[] = [];
  for (const range of sorted) {
    const last = merged.at(-1);
    if (last && range.start <= last.end)
      merged[merged.length - 1] = { start: last.start, end: Math.max(last.end, range.end) };
    else merged.push({ ...range });
  }
  return merged;
}

function withHidden(doc: LessonDocument, hidden: Range[]): LessonDocument {
  return { ...doc, layout: cameraLayoutSchema.parse({ ...doc.layout, hidden }) };
}

function clampRange(doc: LessonDocument, { start, end }: CameraRangeArgs): Range {
  const max = doc.editList.sourceDuration;
  const from = Math.round(Math.min(Math.max(Math.min(start, end), 0), max));
  const to = Math.round(Math.min(Math.max(Math.max(start, end), 0), max));
  return { start: from, end: to };
}

/** Hides the camera bubble over a source range (the teacher showing something full-screen); overlaps merge. */
export const hideCameraRange = defineCommand<CameraRangeArgs>({
  run: (doc, args) => {
    const range = clampRange(doc, args);
    if (range.start >= range.end) return doc;
    return withHidden(doc, mergeRanges([...doc.layout.hidden, range]));
  },
  label: (_doc, args) =>
    `Hide camera ${formatTimecodeRange(Math.min(args.start, args.end), Math.max(args.start, args.end))}`,
});

/** Shows the camera again over a source range: hidden ranges lose the part inside it, and may split in two. */
export const showCameraRange = defineCommand<CameraRangeArgs>({
  run: (doc, args) => {
    const { start, end } = clampRange(doc, args);
    const hidden = doc.layout.hidden.flatMap((range): Range[] => {
      if (range.end <= start || range.start >= end) return [range];
      return [
        { start: range.start, end: start },
        { start: end, end: range.end },
      ].filter((piece) => piece.start < piece.end);
    });
    return withHidden(doc, hidden);
  },
  label: (_doc, args) =>
    `Show camera ${formatTimecodeRange(Math.min(args.start, args.end), Math.max(args.start, args.end))}`,
});
