import { z } from 'zod';
import type { Checkpoint } from '../checkpoints/schema';
import { pluralize, truncateCodePoints } from '../format/text';
import { createLessonMap, type LessonMap } from '../timeline/mapping';
import type { ReadonlyEditList } from '../timeline/editList';
import type { Callout, Marker } from './document';

/** What a take carries that the teacher made: key moments, callouts and questions, on the take's own clock. */
export interface TakeWork {
  readonly editList: ReadonlyEditList;
  readonly markers: readonly Marker[];
  readonly callouts: readonly Callout[];
  readonly checkpoints: readonly Checkpoint[];
}

/** One carried thing the teacher should look at, named as the editor names it. */
export const flaggedItemSchema = z.object({
  kind: z.enum(['key moment', 'callout', 'question']),
  name: z.string(),
  /** `pastTheEnd`: it was later than the new recording lasts; `wasCut`: it sat in a part of the old one that was cut. */
  reason: z.enum(['pastTheEnd', 'wasCut']),
});
export type FlaggedItem = z.infer<typeof flaggedItemSchema>;

export interface CarriedWork {
  readonly markers: Marker[];
  readonly callouts: Callout[];
  readonly checkpoints: Checkpoint[];
  readonly flagged: FlaggedItem[];
}

/**
 * Copies the teacher's key moments, callouts and questions from one take to another by lesson time: what the learner
 * met at 1:20 of the old lesson is placed at 1:20 of the new one, whatever either take's cuts are. Nothing is dropped.
 * Anything later than the new lesson's end is put at the new recording's very end, where the editor flags it as cut
 * out until the teacher moves it; anything that sat in a cut of the old take lands where that cut was, and both are
 * listed in `flagged`. Copies get new ids (both takes keep their own); a thing the new take already has at the same
 * moment is not copied twice, so switching back and forth does not pile up duplicates.
 */
export function carryOver(from: TakeWork, to: TakeWork, newId: () => string): CarriedWork {
  const source = createLessonMap(from.editList);
  const target = createLessonMap(to.editList);
  const end = to.editList.sourceDuration;
  const flagged: FlaggedItem[] = [];

  const place = (sourceMs: number, kind: FlaggedItem['kind'], name: string): number => {
    const position = source.sourceToLesson(sourceMs);
    if (position.lessonMs >= target.duration) {
      flagged.push({ kind, name, reason: 'pastTheEnd' });
      return end;
    }
    if (position.kind === 'removed') flagged.push({ kind, name, reason: 'wasCut' });
    return target.lessonToSource(position.lessonMs);
  };

  const markers = from.markers
    .map((marker) => ({ ...marker, sourceMs: place(marker.sourceMs, 'key moment', marker.title) }))
    .filter((marker) => !to.markers.some((had) => same(had, marker)))
    .map((marker) => ({ ...marker, id: newId() }));

  const callouts = from.callouts
    .map((callout) => placeCallout(callout, source, target, end, flagged))
    .filter((callout) => !to.callouts.some((had) => same(had, callout)))
    .map((callout) => ({ ...callout, id: newId() }));

  const checkpoints = from.checkpoints
    .map((checkpoint): Checkpoint => {
      const sourceMs = place(checkpoint.sourceMs, 'question', checkpoint.prompt);
      const rewatchFrom =
        checkpoint.rewatchFrom.kind === 'sourceMs'
          ? { kind: 'sourceMs' as const, sourceMs: Math.min(sourceMs, moved(checkpoint.rewatchFrom.sourceMs)) }
          : checkpoint.rewatchFrom;
      return { ...checkpoint, sourceMs, rewatchFrom };
    })
    .filter((checkpoint) => !to.checkpoints.some((had) => same(had, checkpoint)))
    .map((checkpoint) => ({ ...checkpoint, id: newId() }));

  return { markers, callouts, checkpoints, flagged };

  function moved(sourceMs: number): number {
    return target.lessonToSource(source.sourceToLesson(sourceMs).lessonMs);
  }
}

/** A callout keeps its length where the new take has room; past the end it keeps what fits, at least a frame. */
function placeCallout(
  callout: Callout,
  source: LessonMap,
  target: LessonMap,
  end: number,
  flagged: FlaggedItem[],
): Callout {
  const name = callout.text || `${callout.kind} callout`;
  const start = source.sourceToLesson(callout.sourceStart);
  const length = Math.max(1, callout.sourceEnd - callout.sourceStart);
  if (start.lessonMs >= target.duration) {
    flagged.push({ kind: 'callout', name, reason: 'pastTheEnd' });
    const sourceStart = Math.max(0, end - Math.min(length, 1000));
    return { ...callout, sourceStart, sourceEnd: Math.max(sourceStart + 1, end) };
  }
  if (start.kind === 'removed') flagged.push({ kind: 'callout', name, reason: 'wasCut' });
  const sourceStart = target.lessonToSource(start.lessonMs);
  return { ...callout, sourceStart, sourceEnd: Math.min(end, sourceStart + length) };
}

function same<T extends { id: string }>(a: T, b: T): boolean {
  return JSON.stringify({ ...a, id: '' }) === JSON.stringify({ ...b, id: '' });
}

/** "2 key moments, 1 callout and 3 questions"; empty when the take holds none. */
export function describeWork(work: Pick<TakeWork, 'markers' | 'callouts' | 'checkpoints'>): string {
  const parts = [
    [work.markers.length, 'key moment'],
    [work.callouts.length, 'callout'],
    [work.checkpoints.length, 'question'],
  ] as const;
  const named = parts.filter(([count]) => count > 0).map(([count, one]) => pluralize(count, one));
  return named.length > 1 ? `${named.slice(0, -1).join(', ')} and ${named.at(-1) ?? ''}` : (named[0] ?? '');
}

/** One line per reason, each thing named with its kind: what the teacher should move after a switch. */
export function describeFlagged(flagged: readonly FlaggedItem[], takeTitle: string): string[] {
  const names = (reason: FlaggedItem['reason']) =>
    flagged
      .filter((item) => item.reason === reason)
      .map((item) => `${item.kind} “${truncateCodePoints(item.name, 60, { ellipsis: true })}”`)
      .join(', ');
  const lines: string[] = [];
  const late = names('pastTheEnd');
  if (late) lines.push(`Past the end of “${takeTitle}”, so placed at its very end: ${late}. Move them in the editor.`);
  const cut = names('wasCut');
  if (cut) lines.push(`Cut out of the old recording, now placed where the cut was: ${cut}.`);
  return lines;
}
