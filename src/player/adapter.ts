import { z } from 'zod';

/**
 * The one seam between the player and the outside world. Each standard (SCORM 1.2, SCORM 2004, cmi5, the plain web
 * folder) implements it; the player never knows which it talks to. The shapes are zod schemas so an adapter can check
 * what the player hands it, and tests can check what an adapter stored.
 *
 * Only `start` and `finish` are awaited. The rest are fire-and-forget: an LMS that hiccups must never stop a learner
 * mid-lesson, so an adapter never throws from them; it records the failure for `lastError()` (the debug panel) and
 * carries on.
 */
export interface PlayerAdapter {
  start(): Promise<StartResult>;
  progress(progress: Progress): void;
  interaction(interaction: Interaction): void;
  score(score: Score): void;
  completion(status: CompletionStatus): void;
  /** The learner state from `serializeState`; at most 4,000 characters (SCORM 1.2's suspend_data). */
  suspend(state: string): void;
  /**
   * A stop (pause, a question, the page hidden): what was reported should reach the LMS soon. Adapters that batch
   * their writes commit within a couple of seconds; those that write through ignore it.
   */
  flush(): void;
  /** Commits and closes the session; the player calls it once, on exit or when the page is hidden for good. */
  finish(): Promise<void>;
  lastError(): string | null;
  /** How the learner watched, for adapters that record it (the class server); the others leave it out. */
  viewing?(event: ViewingEvent): void;
}

/** Lesson time played at one speed, a pause the learner made, a jump, a change of speed. */
export type ViewingEvent =
  | { readonly kind: 'watched'; readonly fromMs: number; readonly toMs: number; readonly rate: number }
  | { readonly kind: 'paused'; readonly atMs: number }
  | { readonly kind: 'seeked'; readonly fromMs: number; readonly toMs: number }
  | { readonly kind: 'rate'; readonly rate: number };

/** normal: tracked; review: the learner may look but nothing is recorded; browse: trying it out, nothing recorded. */
export const lessonModeSchema = z.enum(['normal', 'review', 'browse']);
export type LessonMode = z.infer<typeof lessonModeSchema>;

export const startResultSchema = z.object({
  resumeState: z.string().nullable(),
  learnerName: z.string().optional(),
  mode: lessonModeSchema,
  /** The LMS's own mastery line (cmi5's masteryScore), which passed and failed must follow; the package's otherwise. */
  masteryPercent: z.number().min(0).max(100).optional(),
  /** The learner asked for no sound (cmi5's audioPreference). */
  muted: z.boolean().optional(),
  /** Where the LMS wants the learner taken when they leave the lesson (cmi5's returnURL). */
  returnUrl: z.string().optional(),
});
export type StartResult = z.infer<typeof startResultSchema>;

const unit = z.number().min(0).max(1);

export const progressSchema = z.object({
  progressMeasure: unit,
  /** Lesson time the learner is at, for the LMS's bookmark (cmi.core.lesson_location, cmi.location). */
  locationMs: z.number().int().nonnegative(),
});
export type Progress = z.infer<typeof progressSchema>;

const interactionBase = {
  /** The checkpoint's id. */
  id: z.string().min(1),
  result: z.enum(['correct', 'incorrect']),
  latencyMs: z.number().int().nonnegative(),
  timestamp: z.date(),
  /** The prompt as plain text, for LMS reports. */
  description: z.string(),
};

/**
 * Responses stay structured (choice ids, booleans, text) rather than pre-formatted: SCORM 1.2 writes "a,b", SCORM 2004
 * "a[,]b", cmi5 a statement's "a[,]b" with its own ids, so each adapter formats for its standard.
 */
export const interactionSchema = z.discriminatedUnion('type', [
  z.object({
    ...interactionBase,
    type: z.literal('choice'),
    learnerResponse: z.array(z.string()),
    correctResponse: z.array(z.string()),
  }),
  z.object({
    ...interactionBase,
    type: z.literal('true-false'),
    learnerResponse: z.boolean(),
    correctResponse: z.boolean(),
  }),
  z.object({
    ...interactionBase,
    type: z.literal('fill-in'),
    learnerResponse: z.string(),
    /**
     * The accepted answers as far as the player knows them: the package keeps them only as hashes (answerKey.ts), so
     * this is the learner's own answer when it was right and empty when it was not.
     */
    correctResponse: z.array(z.string()),
    /** The teacher's matching: off when "ignore case" is off, so an LMS judging the pattern respects case too. */
    caseMatters: z.boolean(),
  }),
  z.object({
    ...interactionBase,
    type: z.literal('numeric'),
    learnerResponse: z.string(),
    correctResponse: z.object({ min: z.number(), max: z.number() }),
  }),
]);
export type Interaction = z.infer<typeof interactionSchema>;

export const scoreSchema = z
  .object({ raw: z.number().nonnegative(), min: z.number().nonnegative(), max: z.number().nonnegative(), scaled: unit })
  .refine((score) => score.min <= score.raw && score.raw <= score.max, {
    error: 'The raw score lies between min and max',
  });
export type Score = z.infer<typeof scoreSchema>;

export const completionStatusSchema = z.object({
  completion: z.enum(['completed', 'incomplete']),
  success: z.enum(['passed', 'failed', 'unknown']),
});
export type CompletionStatus = z.infer<typeof completionStatusSchema>;

/** For adapters: the first issue of a failed parse, as one line for `lastError()`. */
export function describeIssue(what: string, error: z.ZodError): string {
  const issue = error.issues[0];
  return `${what}: ${issue ? `${issue.path.map(String).join('.') || 'value'} ${issue.message}` : 'invalid'}`;
}
