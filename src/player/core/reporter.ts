import type { Interaction, LessonMode, PlayerAdapter } from '../adapter';
import type { PlayerSession } from './session';
import { createViewingRecorder } from './viewing';

/** How often progress is saved while playing: a closed laptop lid loses at most this much. */
export const SAVE_EVERY_MS = 10_000;

export interface Reporter {
  /** Suspend data and progress; at each checkpoint, on pause, on a timer while playing, on pagehide. */
  save(): void;
  /** One answer: the interaction, then score, completion and the saved state. */
  answered(interaction: Interaction): void;
  /** Score and completion as they stand (the end of the lesson). */
  result(): void;
  /** Once: saves, then closes the session with the LMS. */
  finish(): Promise<void>;
  /** Playback the learner watched, a jump, a pause they made: for adapters that keep the viewing record. */
  watched(fromMs: number, toMs: number): void;
  jumped(fromMs: number, toMs: number): void;
  paused(atMs: number): void;
}

/** Review and browse modes record nothing: the LMS said so, and a learner looking back must not change a grade. */
export function createReporter(adapter: PlayerAdapter, session: PlayerSession, mode: LessonMode): Reporter {
  const tracked = mode === 'normal';
  let finished = false;
  const viewing = tracked && adapter.viewing ? createViewingRecorder((event) => adapter.viewing?.(event)) : null;

  const result = () => {
    const report = session.report();
    adapter.score({ raw: report.raw, min: 0, max: report.max, scaled: report.scaled });
    adapter.completion({ completion: report.completion, success: report.success });
  };
  const save = () => {
    if (!tracked || finished) return;
    viewing?.flush();
    const report = session.report();
    adapter.suspend(session.suspendData());
    adapter.progress({ progressMeasure: report.progressMeasure, locationMs: session.state.positionMs });
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
