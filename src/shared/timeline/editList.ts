import { z } from 'zod';
import { clipRange, gapsBetween, mergeRanges, type TimeRange } from './ranges';

const msSchema = z
  .number()
  .int({ error: 'Times are whole milliseconds' })
  .nonnegative({ error: 'Times cannot be negative' });

export const cutSchema = z
  .object({ start: msSchema, end: msSchema })
  .refine((cut) => cut.start < cut.end, { error: 'A cut must end after it starts', path: ['end'] });

/**
 * How a lesson plays a take: everything here is source time, on the take's own clock. Only `trimStart` up to
 * `trimEnd`, less the cuts, plays. Splits remove nothing; they divide what plays into segments the editor can select.
 */
export const editListSchema = z
  .object({
    sourceDuration: z.number().int().positive({ error: 'A recording has a length' }),
    trimStart: msSchema,
    trimEnd: msSchema,
    cuts: z.array(cutSchema),
    splits: z.array(msSchema).default([]),
  })
  .refine((list) => list.trimStart < list.trimEnd, { error: 'The start must come before the end', path: ['trimEnd'] })
  .refine((list) => list.trimEnd <= list.sourceDuration, {
    error: 'The end cannot be after the end of the recording',
    path: ['trimEnd'],
  });

export type EditList = z.infer<typeof editListSchema>;

/** What every function here reads, so callers may hand in frozen or readonly state. */
export interface ReadonlyEditList {
  readonly sourceDuration: number;
  readonly trimStart: number;
  readonly trimEnd: number;
  readonly cuts: readonly TimeRange[];
  readonly splits: readonly number[];
}

/** The editor shows this message as it is, so it speaks to the teacher. */
export class EditRefusedError extends Error {
  override readonly name = 'EditRefusedError';
}

/** A new edit list for a take of `sourceDuration` ms, keeping all of it. */
export function fullEditList(sourceDuration: number): EditList {
  return { sourceDuration, trimStart: 0, trimEnd: sourceDuration, cuts: [], splits: [] };
}

/**
 * The one canonical form, so that equal edits compare equal: cuts clipped to the trim, empty ones dropped, sorted,
 * and overlapping or touching ones merged; splits sorted, unique and inside the trim. A split that falls in a cut is
 * kept (it simply divides nothing), so that restoring the cut brings its segments back as they were.
 */
export function normalizeEditList(list: ReadonlyEditList): EditList {
  const { sourceDuration, trimStart, trimEnd } = list;
  const cuts = mergeRanges(list.cuts.map((cut) => clipRange(cut, trimStart, trimEnd)));
  const splits = [...new Set(list.splits)].filter((at) => trimStart < at && at < trimEnd).sort((a, b) => a - b);
  return { sourceDuration, trimStart, trimEnd, cuts, splits };
}

/** The source ranges that play, in order; never empty or touching. */
export function keptRanges(list: ReadonlyEditList): TimeRange[] {
  const { trimStart, trimEnd, cuts } = normalizeEditList(list);
  return gapsBetween(cuts, trimStart, trimEnd);
}

export function lessonDuration(list: ReadonlyEditList): number {
  return keptRanges(list).reduce((total, range) => total + range.end - range.start, 0);
}

/** Every command ends here, so none can leave a lesson with nothing to play. */
export function finishEdit(next: ReadonlyEditList): EditList {
  const normal = normalizeEditList(next);
  if (lessonDuration(normal) === 0) throw new EditRefusedError('That would remove the whole lesson');
  return normal;
}
