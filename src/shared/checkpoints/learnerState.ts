import { z } from 'zod';
import { mergeRanges, type TimeRange } from '../timeline/ranges';
import type { Checkpoint, LessonRules, ScoringRule } from './schema';
import { responseSchema, type CheckpointResponse, type ScoreResult } from './scoring';

/** What the player remembers of one checkpoint. `score` is the best so far, `response` and `correct` the latest. */
export const checkpointRecordSchema = z.object({
  count: z.number().int().min(0).max(1000),
  response: responseSchema.nullable(),
  correct: z.boolean(),
  score: z.number().min(0).max(1000),
  /** An optional checkpoint the learner chose to pass over; it is asked again when playback crosses it anew. */
  skipped: z.boolean(),
});
export type CheckpointRecord = z.infer<typeof checkpointRecordSchema>;

const lessonMs = z.number().int().nonnegative();

/** Everything here is lesson time: the learner never sees source time. */
export const learnerStateSchema = z.object({
  positionMs: lessonMs,
  furthestMs: lessonMs,
  /** Sorted, disjoint, non-touching [start, end) ranges of lesson time actually played. */
  watched: z.array(z.object({ start: lessonMs, end: lessonMs })),
  /** By checkpoint id. */
  attempts: z.record(z.string(), checkpointRecordSchema),
  playbackRate: z.number().min(0.25).max(4),
});
export type LearnerState = z.infer<typeof learnerStateSchema>;

export function freshState(): LearnerState {
  return { positionMs: 0, furthestMs: 0, watched: [], attempts: {}, playbackRate: 1 };
}

/**
 * The longest step between two playback ticks that still counts as watching. Browsers fire timeupdate every
 * 250 ms or so (about once a second in a background tab), so even 4× stays well under this; a bigger jump is a
 * seek, which moves the position but earns no watched time.
 */
export const MAX_TICK_MS = 5000;

export function addWatched(ranges: readonly TimeRange[], range: TimeRange): TimeRange[] {
  return mergeRanges([...ranges, range]);
}

export function watchedMs(ranges: readonly TimeRange[]): number {
  return mergeRanges(ranges).reduce((total, range) => total + range.end - range.start, 0);
}

/** The player calls this on every tick of playback with where it was and where it is now. */
export function recordPlayback(state: LearnerState, fromMs: number, toMs: number): LearnerState {
  const from = Math.max(0, Math.round(fromMs));
  const to = Math.max(0, Math.round(toMs));
  const step = to - from;
  if (step <= 0 || step > MAX_TICK_MS) return { ...state, positionMs: to };
  return {
    ...state,
    positionMs: to,
    furthestMs: Math.max(state.furthestMs, to),
    watched: addWatched(state.watched, { start: from, end: to }),
  };
}

export function recordOf(state: LearnerState, checkpointId: string): CheckpointRecord | undefined {
  return Object.hasOwn(state.attempts, checkpointId) ? state.attempts[checkpointId] : undefined;
}

export function isAnswered(state: LearnerState, checkpointId: string): boolean {
  return (recordOf(state, checkpointId)?.count ?? 0) > 0;
}

/** A learner may try again until right or out of attempts. */
export function canAttempt(state: LearnerState, checkpoint: Pick<Checkpoint, 'id' | 'attemptsAllowed'>): boolean {
  const record = recordOf(state, checkpoint.id);
  if (!record) return true;
  if (record.correct) return false;
  return checkpoint.attemptsAllowed === null || record.count < checkpoint.attemptsAllowed;
}

/**
 * Whether another attempt could still raise the score: under firstAttempt only a question never answered can, so a
 * learner trying again for practice does not hold the LMS attempt open.
 */
export function canStillScore(
  state: LearnerState,
  checkpoint: Pick<Checkpoint, 'id' | 'attemptsAllowed'>,
  scoring: ScoringRule,
): boolean {
  if (!canAttempt(state, checkpoint)) return false;
  return scoring === 'bestAttempt' || (recordOf(state, checkpoint.id)?.count ?? 0) === 0;
}

export function attemptsLeft(
  state: LearnerState,
  checkpoint: Pick<Checkpoint, 'id' | 'attemptsAllowed'>,
): number | null {
  if (checkpoint.attemptsAllowed === null) return canAttempt(state, checkpoint) ? null : 0;
  return canAttempt(state, checkpoint) ? checkpoint.attemptsAllowed - (recordOf(state, checkpoint.id)?.count ?? 0) : 0;
}

/** Scores are kept to thousandths so they survive the suspend data exactly. */
export function roundScore(score: number): number {
  return Math.round(score * 1000) / 1000;
}

/**
 * Records a scored attempt. An attempt the rules do not allow (already right, or none left) leaves the state as it is:
 * the player should not have offered it, and a double click must not burn an attempt. The score kept is the best so
 * far, or under the firstAttempt rule the first attempt's, whatever follows.
 */
export function recordAttempt(
  state: LearnerState,
  checkpoint: Checkpoint,
  response: CheckpointResponse,
  result: ScoreResult,
  scoring: ScoringRule = 'bestAttempt',
): LearnerState {
  if (!canAttempt(state, checkpoint)) return state;
  const before = recordOf(state, checkpoint.id);
  const count = before?.count ?? 0;
  const kept =
    scoring === 'firstAttempt' && count > 0 ? (before?.score ?? 0) : Math.max(before?.score ?? 0, result.score);
  const record: CheckpointRecord = {
    count: count + 1,
    response,
    correct: result.correct,
    score: roundScore(kept),
    skipped: false,
  };
  return { ...state, attempts: { ...state.attempts, [checkpoint.id]: record } };
}

/** Only an optional checkpoint that was never answered can be passed over. */
export function recordSkip(state: LearnerState, checkpoint: Pick<Checkpoint, 'id' | 'required'>): LearnerState {
  if (checkpoint.required || isAnswered(state, checkpoint.id)) return state;
  const record: CheckpointRecord = { count: 0, response: null, correct: false, score: 0, skipped: true };
  return { ...state, attempts: { ...state.attempts, [checkpoint.id]: record } };
}

/** Speeds outside the teacher's list are refused; the state keeps its speed. */
export function setPlaybackRate(
  state: LearnerState,
  rate: number,
  rules: Pick<LessonRules, 'playbackRates'>,
): LearnerState {
  return rules.playbackRates.includes(rate) ? { ...state, playbackRate: rate } : state;
}
