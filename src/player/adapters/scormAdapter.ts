import { z } from 'zod';
import {
  completionStatusSchema,
  describeIssue,
  interactionSchema,
  lessonModeSchema,
  progressSchema,
  scoreSchema,
  type CompletionStatus,
  type Interaction,
  type LessonMode,
  type PlayerAdapter,
  type Progress,
  type Score,
  type StartResult,
} from '../adapter';
import type { CallLog } from './callLog';
import type { ScormDriver } from './scormDriver';

export type Pairs = readonly (readonly [string, string])[];

/** What differs between SCORM 1.2 and 2004: element names and value formats. The flow is the same. */
export interface ScormProfile {
  readonly name: string;
  readonly suspendData: string;
  readonly mode: string;
  readonly learnerName: string;
  readonly interactionCount: string;
  progress(progress: Progress): Pairs;
  score(score: Score): Pairs;
  completion(status: CompletionStatus): Pairs;
  interaction(n: number, interaction: Interaction): Pairs;
  sessionTime(ms: number): Pairs;
  /** `over`: the attempt is finished (completed, and passed or out of tries); otherwise the learner comes back to it. */
  exit(over: boolean): Pairs;
}

/** A stop (pause, a question, the page hidden) commits, but not more often than this: each commit is a request. */
const STOP_COMMIT_GAP_MS = 2_000;
/** Values set while playing are committed at most this often; an answer or the end commits at once. */
const BACKGROUND_COMMIT_GAP_MS = 10_000;

export interface ScormAdapterOptions {
  readonly now?: () => number;
  /** Runs `task` after `ms`; returns a cancel. setTimeout by default, a fake clock in tests. */
  readonly setTimer?: (task: () => void, ms: number) => () => void;
}

/**
 * A PlayerAdapter over any SCORM runtime. Nothing here throws after start: a refused value is logged (the debug
 * panel shows it) and the lesson goes on, because an LMS hiccup must never stop a learner.
 *
 * An LMS such as Moodle turns every commit into an HTTP request, so values are set only when they change and commits
 * are spaced: at once for an answer and at the end, within {@link STOP_COMMIT_GAP_MS} for a stop, and at most every
 * {@link BACKGROUND_COMMIT_GAP_MS} otherwise. Review and browse launches write nothing at all.
 */
export function createScormAdapter(
  driver: ScormDriver,
  log: CallLog,
  profile: ScormProfile,
  options: ScormAdapterOptions = {},
): PlayerAdapter {
  const now = options.now ?? (() => Date.now());
  const setTimer =
    options.setTimer ??
    ((task, ms) => {
      const timer = setTimeout(task, ms);
      return () => clearTimeout(timer);
    });
  let open = false;
  let tracked = false;
  let startedAt = 0;
  let nextInteraction = 0;
  let over = false;
  let exitWritten = false;
  let dirty = false;
  let lastCommitAt = Number.NEGATIVE_INFINITY;
  let cancelCommit: (() => void) | null = null;
  let commitDueAt = Number.POSITIVE_INFINITY;
  let validationError: string | null = null;
  const written = new Map<string, string>();

  const commit = () => {
    cancelCommit?.();
    cancelCommit = null;
    commitDueAt = Number.POSITIVE_INFINITY;
    if (!open || !dirty) return;
    // Session time goes with each commit so a learner whose browser dies still has time recorded.
    set(profile.sessionTime(now() - startedAt));
    driver.commit();
    dirty = false;
    lastCommitAt = now();
  };
  /** Commits no later than `gapMs` after the last commit (at once when that has passed); an earlier plan stands. */
  const commitWithin = (gapMs: number) => {
    if (!open || !dirty) return;
    const due = Math.max(now(), lastCommitAt + gapMs);
    if (due >= commitDueAt) return;
    cancelCommit?.();
    commitDueAt = due;
    cancelCommit = setTimer(commit, due - now());
  };
  const set = (pairs: Pairs) => {
    for (const [element, value] of pairs) {
      if (written.get(element) === value) continue;
      if (driver.set(element, value)) written.set(element, value);
      dirty = true;
    }
  };
  const write = (pairs: Pairs) => {
    if (!open || !tracked) return;
    // Until the attempt is over, leaving means "come back to this": the LMS keeps the data for the next launch.
    if (!exitWritten) {
      exitWritten = true;
      set(profile.exit(over));
    }
    set(pairs);
    commitWithin(BACKGROUND_COMMIT_GAP_MS);
  };

  function guarded<T>(what: string, schema: z.ZodType<T>, apply: (value: T) => void) {
    return (value: unknown) => {
      const parsed = schema.safeParse(value);
      if (parsed.success) apply(parsed.data);
      else {
        validationError = describeIssue(what, parsed.error);
        log.add(what, '', validationError);
      }
    };
  }

  return {
    start(): Promise<StartResult> {
      if (!driver.initialize())
        return Promise.reject(
          new Error(`The LMS refused to start the session: ${log.lastError() ?? 'no reason given'}`),
        );
      open = true;
      startedAt = now();
      const suspended = driver.get(profile.suspendData);
      const parsedMode = lessonModeSchema.safeParse(driver.get(profile.mode));
      const mode: LessonMode = parsedMode.success ? parsedMode.data : 'normal';
      tracked = mode === 'normal';
      const count = Number(driver.get(profile.interactionCount) ?? '0');
      nextInteraction = Number.isInteger(count) && count >= 0 ? count : 0;
      const learnerName = driver.get(profile.learnerName);
      return Promise.resolve({
        resumeState: suspended ? suspended : null,
        mode,
        ...(learnerName ? { learnerName } : {}),
      });
    },
    progress: guarded<Progress>('progress', progressSchema, (progress) => write(profile.progress(progress))),
    interaction: guarded<Interaction>('interaction', interactionSchema, (interaction) => {
      write(profile.interaction(nextInteraction, interaction));
      nextInteraction += 1;
      // The rest of the answer (score, status, state) is set in the same turn; one commit carries it all.
      commitWithin(0);
    }),
    score: guarded<Score>('score', scoreSchema, (score) => {
      if (score.max > 0) write(profile.score(score));
    }),
    completion: guarded<CompletionStatus>('completion', completionStatusSchema, (status) => {
      over = status.completion === 'completed';
      write([...profile.completion(status), ...profile.exit(over)]);
    }),
    // 4096: SCORM 1.2's limit; the player's state stays under 4000 (src/shared/checkpoints/suspendData.ts).
    suspend: guarded<string>('suspend', z.string().max(4096), (state) => write([[profile.suspendData, state]])),
    flush: () => commitWithin(STOP_COMMIT_GAP_MS),
    finish() {
      if (!open) return Promise.resolve();
      if (tracked) {
        set([...profile.exit(over)]);
        dirty = true;
        commit();
      } else {
        cancelCommit?.();
      }
      driver.terminate();
      open = false;
      return Promise.resolve();
    },
    lastError: () => log.lastError() ?? validationError,
  };
}
