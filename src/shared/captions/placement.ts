import { createLessonMap, placeCallouts, type LessonMap, type PlacedRange, type ReadonlyEditList } from '../timeline';
import type { CaptionCue, TimedText } from './model';

export type PlacedCue = PlacedRange<CaptionCue>;

/**
 * Cues on the lesson's clock. A cue that lies wholly inside a cut is `removed` (flagged in the editor, kept in the
 * document, left out of what learners get); one a cut passes through keeps its text over what still plays.
 */
export function placeCues(list: ReadonlyEditList, cues: readonly CaptionCue[]): PlacedCue[] {
  return placeCallouts(list, cues).sort((a, b) => a.lessonStart - b.lessonStart || a.sourceStart - b.sourceStart);
}

/** What learners get for one track: the cues that still play, in lesson time. */
export function lessonCues(list: ReadonlyEditList, cues: readonly CaptionCue[], trackId: string): TimedText[] {
  return placeCues(
    list,
    cues.filter((cue) => cue.trackId === trackId),
  )
    .filter((cue) => !cue.removed)
    .map((cue) => ({ start: cue.lessonStart, end: cue.lessonEnd, text: cue.text }));
}

/**
 * Lesson-time cues (a file made for the lesson as it plays, a draft of the lesson's sound) anchored on the take. An end
 * on a cut's boundary stays before the cut rather than jumping past it; times past the lesson's end are dropped.
 */
export function toSourceTimes(list: ReadonlyEditList, cues: readonly TimedText[]): TimedText[] {
  const map = createLessonMap(list);
  return cues
    .filter((cue) => cue.start < map.duration)
    .map((cue) => {
      const start = map.lessonToSource(cue.start);
      const end = Math.max(start + 1, endToSource(map, Math.min(cue.end, map.duration)));
      const words = cue.words?.map((word) => ({
        text: word.text,
        start: map.lessonToSource(word.start),
        end: endToSource(map, Math.min(word.end, map.duration)),
      }));
      return { start, end, text: cue.text, ...(words ? { words } : {}) };
    });
}

function endToSource(map: LessonMap, lessonMs: number): number {
  const before = map.spans.findLast((span) => span.lessonStart < lessonMs);
  if (!before) return map.lessonToSource(lessonMs);
  return Math.min(before.sourceEnd, before.sourceStart + lessonMs - before.lessonStart);
}

/** A caption typed along shorter than this reads as a slip of the Enter key: it gets this long instead. */
export const TYPED_MIN_MS = 1_000;

/**
 * Where a caption typed while the lesson plays goes, on the take: from where the last one ended (or where typing
 * began) to the playhead when Enter was pressed, at least TYPED_MIN_MS. Null past the lesson's end.
 */
export function typedCueTimes(
  list: ReadonlyEditList,
  fromLessonMs: number,
  playheadLessonMs: number,
): { sourceStart: number; sourceEnd: number } | null {
  const map = createLessonMap(list);
  const start = Math.max(0, Math.min(fromLessonMs, playheadLessonMs));
  if (start >= map.duration) return null;
  const end = Math.min(map.duration, Math.max(playheadLessonMs, start + TYPED_MIN_MS));
  const sourceStart = map.lessonToSource(start);
  const sourceEnd = endToSource(map, end);
  return sourceEnd > sourceStart ? { sourceStart, sourceEnd } : null;
}
