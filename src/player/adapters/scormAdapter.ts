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
  exit(completed: boolean): Pairs;
}

export interface ScormAdapterOptions {
  readonly now?: () => number;
  /** Where commits are coalesced: every value set in one burst (an answer sets a dozen) is committed once. */
  readonly schedule?: (task: () => void) => void;
}

/**
 * A PlayerAdapter over any SCORM runtime. Nothing here throws after start: a refused value is logged (the debug
 * panel shows it) and the lesson goes on, because an LMS hiccup must never stop a learner.
 */
export function createScormAdapter(
  driver: ScormDriver,
  log: CallLog,
  profile: ScormProfile,
  options: ScormAdapterOptions = {},
): PlayerAdapter {
  const now = options.now ?? (() => Date.now());
  const schedule = options.schedule ?? ((task) => queueMicrotask(task));
  let open = false;
  let startedAt = 0;
  let nextInteraction = 0;
  let completed = false;
  let commitQueued = false;
  let validationError: string | null = null;

  const write = (pairs: Pairs) => {
    if (!open) return;
    for (const [element, value] of pairs) driver.set(element, value);
    if (!commitQueued) {
      commitQueued = true;
      schedule(() => {
        commitQueued = false;
        if (!open) return;
        // Session time goes with each commit so a learner whose browser dies still has time recorded.
        for (const [element, value] of profile.sessionTime(now() - startedAt)) driver.set(element, value);
        driver.commit();
      });
    }
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
    async start(): Promise<StartResult> {
      if (!driver.initialize())
        throw new Error(`The LMS refused to start the session: ${log.lastError() ?? 'no reason given'}`);
      open = true;
      startedAt = now();
      const suspended = driver.get(profile.suspendData);
      const mode = lessonModeSchema.safeParse(driver.get(profile.mode));
      const count = Number(driver.get(profile.interactionCount) ?? '0');
      nextInteraction = Number.isInteger(count) && count >= 0 ? count : 0;
      const learnerName = driver.get(profile.learnerName);
      // Until the lesson is complete, leaving means "come back to this": the LMS keeps suspend data for the next launch.
      write(profile.exit(false));
      return {
        resumeState: suspended ? suspended : null,
        mode: mode.success ? mode.data : 'normal',
        ...(learnerName ? { learnerName } : {}),
      };
    },
    progress: guarded<Progress>('progress', progressSchema, (progress) => write(profile.progress(progress))),
    interaction: guarded<Interaction>('interaction', interactionSchema, (interaction) => {
      write(profile.interaction(nextInteraction, interaction));
      nextInteraction += 1;
    }),
    score: guarded<Score>('score', scoreSchema, (score) => {
      if (score.max > 0) write(profile.score(score));
    }),
    completion: guarded<CompletionStatus>('completion', completionStatusSchema, (status) => {
      completed = status.completion === 'completed';
      write([...profile.completion(status), ...profile.exit(completed)]);
    }),
    // 4096: SCORM 1.2's limit; the player's state stays under 4000 (src/shared/checkpoints/suspendData.ts).
    suspend: guarded<string>('suspend', z.string().max(4096), (state) => write([[profile.suspendData, state]])),
    async finish() {
      if (!open) return;
      for (const [element, value] of [...profile.sessionTime(now() - startedAt), ...profile.exit(completed)])
        driver.set(element, value);
      driver.commit();
      driver.terminate();
      open = false;
    },
    lastError: () => log.lastError() ?? validationError,
  };
}
