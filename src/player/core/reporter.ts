import type { Interaction, LessonMode, PlayerAdapter } from '../adapter';
import type { PlayerSession } from './session';
import { createViewingRecorder } from './viewing';

/** How often progress is saved while playing: a closed laptop lid loses at most this much. */
export const SAVE_EVERY_MS = 10_000;

export interface Reporter {
  /**
   * Suspend data and progress: on a timer while playing, and at every stop (`stop`: a pause, a question, the page
   * hidden), when it should also reach the LMS soon.
   */
  save(stop?: boolean): void;
  /** One answer: the interaction, then the result and the saved state, committed together. */
  answered(interaction: Interaction): void;
  /** The result as it stands (the end of the lesson). */
  result(): void;
  /** Once: saves, then closes the session with the LMS. */
  finish(): Promise<void>;
  /** Playback the learner watched, a jump, a pause they made: for adapters that keep the viewing record. */
  watched(fromMs: number, toMs: number): void;
  jumped(fromMs: number, toMs: number): void;
  paused(atMs: number): void;
}

/**
 * Review and browse modes record nothing: the LMS said so, and a learner looking back must not change a grade.
 *
 * The LMS hears the attempt's result, not the running score: a score is reported only once the attempt is over, and
 * until then the status is incomplete, because LMSs decide passed/failed from any score they see (attemptResult).
 */
export function createReporter(adapter: PlayerAdapter, session: PlayerSession, mode: LessonMode): Reporter {
  const tracked = mode === 'normal';
  let finished = false;
  const viewing = tracked && adapter.viewing ? createViewingRecorder((event) => adapter.viewing?.(event)) : null;

  const result = () => {
    const report = session.report();
    const attempt = session.attempt();
    if (attempt.over && report.max > 0)
      adapter.score({ raw: report.raw, min: 0, max: report.max, scaled: report.scaled });
    adapter.completion({ completion: attempt.completion, success: attempt.success });
  };
  const save = (stop = false) => {
    if (!tracked || finished) return;
    viewing?.flush();
    adapter.suspend(session.suspendData());
    adapter.progress({ progressMeasure: session.attempt().progressMeasure, locationMs: session.state.positionMs });
    if (stop) adapter.flush();
  };

  return {
    save,
    answered(interaction) {
      if (!tracked || finished) return;
      adapter.interaction(interaction);
      result();
      save();
    },
    result() {
      if (tracked && !finished) result();
    },
    async finish() {
      if (finished) return;
      save();
      if (tracked) result();
      finished = true;
      await adapter.finish();
    },
    watched(fromMs, toMs) {
      if (!finished) viewing?.watched(fromMs, toMs, session.state.playbackRate);
    },
    jumped(fromMs, toMs) {
      if (!finished) viewing?.jumped(fromMs, toMs);
    },
    paused(atMs) {
      if (!finished) viewing?.paused(atMs);
    },
  };
}
