import type { LessonMap } from '../timeline/mapping';
import { isAnswered, recordOf, watchedMs, type LearnerState } from './learnerState';
import type { Checkpoint, LessonRules } from './schema';

/**
 * A checkpoint as the player sees it: placed on the lesson by `placeAnchors` (so `PlacedPoint<Checkpoint>` fits).
 * A removed one sits in a cut: it is never asked, never blocks and never counts.
 */
export type GateCheckpoint = Pick<Checkpoint, 'id' | 'required' | 'points'> & {
  readonly lessonMs: number;
  readonly removed: boolean;
};

/** A marker placed on the lesson the same way. */
export interface GateMarker {
  readonly lessonMs: number;
  readonly removed: boolean;
}

export type SeekVerdict =
  | { allowed: true }
  | { allowed: false; reason: 'notWatchedYet'; stopAtMs: number }
  | { allowed: false; reason: 'unansweredCheckpoint'; stopAtMs: number; checkpointId: string };

export interface Gate<C extends GateCheckpoint = GateCheckpoint> {
  /** Whether the learner may jump to `lessonMs`; if not, the furthest place they may go instead. */
  canSeekTo(lessonMs: number): SeekVerdict;
  /**
   * Playback went from `fromMs` to `toMs` (one tick): the first checkpoint it reached that should pause, if any.
   * An unanswered checkpoint pauses whenever playback is on it or passes it, `fromMs` included, so one at 0, or one the
   * learner left the lesson on, is asked on (re)start. One answered or skipped pauses only when crossed anew
   * (`fromMs` excluded), so resuming from it after answering does not ask it again; an answered one only with
   * `rules.pauseAgainWhenAnswered`.
   */
  nextCheckpointToPause(fromMs: number, toMs: number): C | null;
}

export function activeCheckpoints<C extends GateCheckpoint>(checkpoints: readonly C[]): C[] {
  return checkpoints.filter((checkpoint) => !checkpoint.removed).sort((a, b) => a.lessonMs - b.lessonMs);
}

export function createGate<C extends GateCheckpoint>(
  checkpoints: readonly C[],
  rules: Pick<LessonRules, 'navigation' | 'pauseAgainWhenAnswered'>,
  state: LearnerState,
): Gate<C> {
  const active = activeCheckpoints(checkpoints);
  const blocking = active.find((checkpoint) => checkpoint.required && !isAnswered(state, checkpoint.id));

  return {
    canSeekTo(lessonMs) {
      if (rules.navigation === 'free' || lessonMs <= 0) return { allowed: true };
      // The learner passed the blocking checkpoint only if it was added or moved after they watched (a re-published
      // lesson); it still stops them, so the accountability check cannot be dodged by resuming.
      if (blocking && blocking.lessonMs < state.furthestMs) {
        if (lessonMs <= blocking.lessonMs) return { allowed: true };
        return {
          allowed: false,
          reason: 'unansweredCheckpoint',
          stopAtMs: blocking.lessonMs,
          checkpointId: blocking.id,
        };
      }
      if (lessonMs <= state.furthestMs) return { allowed: true };
      return { allowed: false, reason: 'notWatchedYet', stopAtMs: state.furthestMs };
    },
    nextCheckpointToPause(fromMs, toMs) {
      if (toMs < fromMs) return null;
      for (const checkpoint of active) {
        if (checkpoint.lessonMs > toMs) return null;
        const record = recordOf(state, checkpoint.id);
        const answered = (record?.count ?? 0) > 0;
        const crossedAnew = fromMs < checkpoint.lessonMs;
        if (!answered && !record?.skipped && fromMs <= checkpoint.lessonMs) return checkpoint;
        if (!answered && record?.skipped && crossedAnew) return checkpoint;
        if (answered && rules.pauseAgainWhenAnswered && crossedAnew) return checkpoint;
      }
      return null;
    },
  };
}

/**
 * Where "Rewatch" takes the learner, in lesson time, or null when the teacher turned it off. The previous marker is the
 * last one strictly before the checkpoint (one at the same moment would rewatch nothing); without one, the lesson's
 * start. An explicit time is mapped through the edit list and clamped to [0, the checkpoint], so rewatch never skips
 * ahead and a time inside a cut lands where the cut is.
 */
export function rewatchTarget(
  checkpoint: Pick<Checkpoint, 'rewatchFrom'> & { readonly lessonMs: number },
  markers: readonly GateMarker[],
  map: Pick<LessonMap, 'sourceToLesson'>,
): number | null {
  const from = checkpoint.rewatchFrom;
  if (from.kind === 'none') return null;
  if (from.kind === 'sourceMs')
    return Math.min(Math.max(map.sourceToLesson(from.sourceMs).lessonMs, 0), checkpoint.lessonMs);
  const before = markers.filter((marker) => !marker.removed && marker.lessonMs < checkpoint.lessonMs);
  return before.reduce((latest, marker) => Math.max(latest, marker.lessonMs), 0);
}

export interface CompletionReport {
  completion: 'completed' | 'incomplete';
  /** 'unknown' until every counted checkpoint was answered (or the lesson completed), and when there is nothing to score. */
  success: 'passed' | 'failed' | 'unknown';
  /** raw / max, 0..1; 0 when there is nothing to score. */
  scaled: number;
  raw: number;
  max: number;
  /** 0..1, and 1 exactly when completed: half watching, half answering when required checkpoints must be answered. */
  progressMeasure: number;
  watchedPercent: number;
}

export function completion(
  state: LearnerState,
  rules: Pick<LessonRules, 'masteryPercent' | 'completion'>,
  lessonDurationMs: number,
  checkpoints: readonly GateCheckpoint[],
): CompletionReport {
  const active = activeCheckpoints(checkpoints);
  const max = active.reduce((total, checkpoint) => total + checkpoint.points, 0);
  const raw = Math.min(
    max,
    active.reduce(
      (total, checkpoint) => total + Math.min(recordOf(state, checkpoint.id)?.score ?? 0, checkpoint.points),
      0,
    ),
  );
  const scaled = max > 0 ? raw / max : 0;

  const watched = lessonDurationMs > 0 ? Math.min(1, watchedMs(state.watched) / lessonDurationMs) : 1;
  const needed = rules.completion.minWatchedPercent / 100;
  const watchPart = needed > 0 ? Math.min(1, watched / needed) : 1;

  const required = active.filter((checkpoint) => checkpoint.required);
  const mustAnswer = rules.completion.requireAllRequiredCheckpoints && required.length > 0;
  const answerPart = mustAnswer
    ? required.filter((checkpoint) => isAnswered(state, checkpoint.id)).length / required.length
    : 1;

  // A hair of slack: watched ranges are whole milliseconds, and 90% of an odd duration is not.
  const completed = watchPart >= 1 - 1e-9 && answerPart >= 1;
  const progressMeasure = completed ? 1 : Math.min(0.999, mustAnswer ? (watchPart + answerPart) / 2 : watchPart);

  const allAnswered = active.every((checkpoint) => isAnswered(state, checkpoint.id));
  // Compared as raw × 100 ≥ mastery × max so that 4 of 5 at 80% passes despite floating point.
  const success =
    max === 0 || !(allAnswered || completed)
      ? 'unknown'
      : raw * 100 >= rules.masteryPercent * max - 1e-9
        ? 'passed'
        : 'failed';
  return {
    completion: completed ? 'completed' : 'incomplete',
    success,
    scaled,
    raw,
    max,
    progressMeasure,
    watchedPercent: watched * 100,
  };
}
