import { createLessonMap, type ReadonlyEditList } from '@shared/timeline';

/** Where the media element is, read in lesson time. */
export interface ClockReading {
  readonly lessonMs: number;
  /** The media is in a cut (or before the trim): the player must move it here, in media seconds. */
  readonly jumpToSeconds: number | null;
  /** The media reached or passed the lesson's end. */
  readonly ended: boolean;
}

/**
 * Lesson time against the media element's own clock. A rendered export plays lesson time directly; the editor's
 * preview plays the unrendered take, so the two differ by the trim and the cuts, and a cut is skipped by jumping.
 */
export interface LessonClock {
  readonly durationMs: number;
  toMediaSeconds(lessonMs: number): number;
  fromMedia(mediaSeconds: number): ClockReading;
}

export function createLessonClock(durationMs: number, editList?: ReadonlyEditList): LessonClock {
  if (!editList) {
    return {
      durationMs,
      toMediaSeconds: (lessonMs) => clamp(lessonMs, durationMs) / 1000,
      fromMedia(mediaSeconds) {
        const ms = Math.round(Math.max(0, mediaSeconds) * 1000);
        return { lessonMs: Math.min(ms, durationMs), jumpToSeconds: null, ended: ms >= durationMs };
      },
    };
  }
  const map = createLessonMap(editList);
  const spans = map.spans;
  const total = Math.min(durationMs, map.duration);
  return {
    durationMs: total,
    toMediaSeconds: (lessonMs) => map.lessonToSource(clamp(lessonMs, total)) / 1000,
    fromMedia(mediaSeconds) {
      const sourceMs = Math.round(Math.max(0, mediaSeconds) * 1000);
      for (const span of spans) {
        if (sourceMs < span.sourceStart)
          return { lessonMs: span.lessonStart, jumpToSeconds: span.sourceStart / 1000, ended: false };
        if (sourceMs < span.sourceEnd)
          return {
            lessonMs: Math.min(total, span.lessonStart + sourceMs - span.sourceStart),
            jumpToSeconds: null,
            ended: false,
          };
      }
      return { lessonMs: total, jumpToSeconds: null, ended: true };
    },
  };
}

function clamp(ms: number, durationMs: number): number {
  return Math.min(Math.max(ms, 0), durationMs);
}
