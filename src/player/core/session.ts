import {
  activeCheckpoints,
  attemptResult,
  attemptsLeft,
  canAttempt,
  canStillScore,
  completion,
  createGate,
  isAnswerable,
  parseLearnerNumber,
  recordAttempt,
  recordOf,
  recordPlayback,
  recordSkip,
  scoreAnswer,
  serializeState,
  setPlaybackRate,
  shownAnswer,
  type AttemptResult,
  type CheckpointResponse,
  type CompletionReport,
  type LearnerState,
  type ScoreResult,
  type ShownAnswer,
} from '@shared/checkpoints';
import type { LessonPackage, PackagedCheckpoint } from '@shared/player';
import type { Interaction } from '../adapter';
import { toInteraction } from '../interactions';
import { formatClock } from '@shared/format/clock';

/** A packaged checkpoint as the gate wants it: the package holds only the ones that play. */
export type PlayerCheckpoint = PackagedCheckpoint & { readonly removed: false };

export type SeekDecision = { to: number; message: null } | { to: number | null; message: string };

export type AnswerOutcome =
  | { kind: 'notAnswerable'; hint: string }
  | { kind: 'closed' }
  | {
      kind: 'scored';
      result: ScoreResult;
      interaction: Interaction;
      attemptsLeft: number | null;
      canRetry: boolean;
      /** The right answer, once the last attempt was wrong and the teacher chose to reveal it. */
      answer: ShownAnswer | null;
    };

export type CheckpointStatus = 'correct' | 'incorrect' | 'skipped' | 'unanswered';

export interface SummaryRow {
  readonly checkpoint: PlayerCheckpoint;
  readonly status: CheckpointStatus;
  /** Where "Review" goes: the rewatch point, or the question itself when the teacher turned rewatching off. */
  readonly reviewMs: number;
}

/** A refused forward seek moves as far as allowed only when that is a real step forward, not a nudge. */
const CLAMP_FORWARD_MIN_MS = 1000;

/**
 * The learner's side of a lesson without any DOM: what was watched and answered, where playback must stop, which
 * seeks the rules allow, and what to report. The UI feeds it ticks and clicks and renders what it says.
 */
export class PlayerSession {
  readonly checkpoints: readonly PlayerCheckpoint[];
  private current: LearnerState;

  constructor(
    readonly lesson: LessonPackage,
    initial: LearnerState,
  ) {
    this.checkpoints = activeCheckpoints(
      lesson.checkpoints.map((checkpoint) => ({ ...checkpoint, removed: false as const })),
    );
    this.current = {
      ...initial,
      playbackRate: lesson.rules.playbackRates.includes(initial.playbackRate) ? initial.playbackRate : 1,
    };
  }

  get state(): LearnerState {
    return this.current;
  }

  get durationMs(): number {
    return this.lesson.durationMs;
  }

  private gate() {
    return createGate(this.checkpoints, this.lesson.rules, this.current);
  }

  /**
   * The checkpoint playback must stop at between two ticks. Besides the gate's rule, one answered wrongly that can
   * still be tried again stops playback when crossed anew, so "Rewatch" ends with the question asked again.
   */
  nextPause(fromMs: number, toMs: number): PlayerCheckpoint | null {
    const gated = this.gate().nextCheckpointToPause(fromMs, toMs);
    const retry = this.checkpoints.find((checkpoint) => {
      const record = recordOf(this.current, checkpoint.id);
      return (
        fromMs < checkpoint.lessonMs &&
        checkpoint.lessonMs <= toMs &&
        record !== undefined &&
        record.count > 0 &&
        !record.correct &&
        canAttempt(this.current, checkpoint)
      );
    });
    if (!gated) return retry ?? null;
    return retry && retry.lessonMs < gated.lessonMs ? retry : gated;
  }

  /** One tick of playback: records what was watched, up to the checkpoint it must stop at, which it returns. */
  tick(fromMs: number, toMs: number): PlayerCheckpoint | null {
    const stop = this.nextPause(fromMs, toMs);
    const until = stop ? Math.max(fromMs, Math.min(toMs, stop.lessonMs)) : toMs;
    this.current = recordPlayback(this.current, fromMs, until);
    return stop;
  }

  /** A jump the learner asked for. Refused jumps say why; a far one still goes as far as the rules allow. */
  seek(targetMs: number): SeekDecision {
    const target = Math.min(Math.max(Math.round(targetMs), 0), this.durationMs);
    const verdict = this.gate().canSeekTo(target);
    if (verdict.allowed) {
      this.moveTo(target);
      return { to: target, message: null };
    }
    const blocking = this.checkpoints.find(
      (checkpoint) => checkpoint.required && !isDone(this.current, checkpoint.id) && checkpoint.lessonMs < target,
    );
    const message =
      blocking && blocking.lessonMs <= verdict.stopAtMs
        ? `Answer the question at ${formatClock(blocking.lessonMs)} first`
        : `You can skip ahead only to what you have watched (up to ${formatClock(verdict.stopAtMs)})`;
    if (verdict.stopAtMs > this.current.positionMs + CLAMP_FORWARD_MIN_MS) {
      this.moveTo(verdict.stopAtMs);
      return { to: verdict.stopAtMs, message };
    }
    return { to: null, message };
  }

  /** A move the player makes itself (resume, the media snapping back): no watched time is earned. */
  moveTo(lessonMs: number): void {
    this.current = { ...this.current, positionMs: Math.min(Math.max(Math.round(lessonMs), 0), this.durationMs) };
  }

  answer(
    checkpoint: PlayerCheckpoint,
    response: CheckpointResponse,
    timing: { latencyMs: number; timestamp: Date },
  ): AnswerOutcome {
    if (!isAnswerable(checkpoint, response)) return { kind: 'notAnswerable', hint: hintFor(checkpoint, response) };
    if (!canAttempt(this.current, checkpoint)) return { kind: 'closed' };
    const result = scoreAnswer(checkpoint, response);
    this.current = recordAttempt(this.current, checkpoint, response, result, this.lesson.rules.scoring);
    const canRetry = canAttempt(this.current, checkpoint);
    return {
      kind: 'scored',
      result,
      interaction: toInteraction(checkpoint, response, result, timing),
      attemptsLeft: attemptsLeft(this.current, checkpoint),
      canRetry,
      answer: !result.correct && !canRetry && checkpoint.revealAnswer ? shownAnswer(checkpoint) : null,
    };
  }

  skip(checkpoint: PlayerCheckpoint): void {
    this.current = recordSkip(this.current, checkpoint);
  }

  setRate(rate: number): boolean {
    const next = setPlaybackRate(this.current, rate, this.lesson.rules);
    this.current = next;
    return next.playbackRate === rate;
  }

  canAttempt(checkpoint: PlayerCheckpoint): boolean {
    return canAttempt(this.current, checkpoint);
  }

  attemptsLeft(checkpoint: PlayerCheckpoint): number | null {
    return attemptsLeft(this.current, checkpoint);
  }

  status(checkpointId: string): CheckpointStatus {
    const record = recordOf(this.current, checkpointId);
    if (!record) return 'unanswered';
    if (record.count > 0) return record.correct ? 'correct' : 'incorrect';
    return record.skipped ? 'skipped' : 'unanswered';
  }

  report(): CompletionReport {
    return completion(this.current, this.lesson.rules, this.durationMs, this.checkpoints);
  }

  /** Whether another attempt at any question could still change the score, under the teacher's limits and rule. */
  canStillScore(): boolean {
    return this.checkpoints.some((checkpoint) => canStillScore(this.current, checkpoint, this.lesson.rules.scoring));
  }

  /** What the LMS is told: an attempt stays open until it is over (see attemptResult). */
  attempt(): AttemptResult {
    return attemptResult(this.report(), this.canStillScore());
  }

  summary(): SummaryRow[] {
    return this.checkpoints.map((checkpoint) => ({
      checkpoint,
      status: this.status(checkpoint.id),
      reviewMs: checkpoint.rewatchMs ?? checkpoint.lessonMs,
    }));
  }

  suspendData(): string {
    return serializeState(this.current, { durationMs: this.durationMs, checkpoints: this.lesson.checkpoints });
  }
}

function isDone(state: LearnerState, checkpointId: string): boolean {
  return (recordOf(state, checkpointId)?.count ?? 0) > 0;
}

function hintFor(checkpoint: PlayerCheckpoint, response: CheckpointResponse): string {
  switch (checkpoint.type) {
    case 'single':
    case 'trueFalse':
      return 'Choose an answer first.';
    case 'multiple':
      return 'Choose at least one answer.';
    case 'shortAnswer':
      return 'Type your answer first.';
    case 'numeric': {
      const text = response.type === 'numeric' ? response.text.trim() : '';
      if (text !== '' && parseLearnerNumber(text.replace(/[ ,]/g, '')) !== null)
        return 'Type the number without thousands separators, such as 1000 or 3.5.';
      return 'Type a number, such as 3.5 or 3,5.';
    }
  }
}
