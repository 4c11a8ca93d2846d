import { z } from 'zod';
import { normalizeAnswer } from './normalize';

export const PROMPT_MAX = 5000;
export const CHOICE_TEXT_MAX = 1000;
export const FEEDBACK_MAX = 2000;
export const CHOICES_MIN = 2;
export const CHOICES_MAX = 20;
export const ACCEPTED_MAX = 20;
export const ACCEPTED_TEXT_MAX = 200;
/** The suspend-data budget (learnerState) is proven for this many checkpoints, so a lesson holds no more. */
export const CHECKPOINTS_MAX = 50;

const markdown = (max: number, what: string) => z.string().max(max, { error: `${what} is at most ${max} characters` });
const requiredMarkdown = (max: number, what: string) =>
  markdown(max, what).refine((text) => text.trim().length > 0, { error: `${what} cannot be empty` });

const finite = z.number().refine(Number.isFinite, { error: 'Enter a number' });

export const checkpointTypeSchema = z.enum(['single', 'multiple', 'trueFalse', 'shortAnswer', 'numeric']);
export type CheckpointType = z.infer<typeof checkpointTypeSchema>;

export const choiceSchema = z.object({
  // Choices are local to their question, so a short id is enough; the editor may use anything stable.
  id: z.string().min(1, { error: 'A choice needs an id' }).max(64),
  text: requiredMarkdown(CHOICE_TEXT_MAX, 'A choice'),
  correct: z.boolean(),
  feedback: markdown(FEEDBACK_MAX, 'Feedback').optional(),
});
export type Choice = z.infer<typeof choiceSchema>;

export const rewatchFromSchema = z.discriminatedUnion('kind', [
  z.object({ kind: z.literal('previousMarker') }),
  z.object({
    kind: z.literal('sourceMs'),
    sourceMs: z.number().int().nonnegative({ error: 'Times cannot be negative' }),
  }),
  z.object({ kind: z.literal('none') }),
]);

/** How forgiving a short answer is. All default to on: a readiness check should not fail someone over "Paris " vs "paris". */
export const matchingSchema = z.object({
  ignoreCase: z.boolean().default(true),
  ignoreAccents: z.boolean().default(true),
  /** On: any white space is ignored ("x = 2" matches "x=2"). Off: runs still fold to one space and ends are trimmed. */
  ignoreSpacing: z.boolean().default(true),
  /** On: Unicode punctuation (. , ; ! ? - ' " …) is ignored. Turn it off for answers such as "3.5" or "e.g.". */
  ignorePunctuation: z.boolean().default(true),
});
export type Matching = z.infer<typeof matchingSchema>;

export const numericAnswerSchema = z.discriminatedUnion('kind', [
  z.object({
    kind: z.literal('value'),
    value: finite,
    tolerance: finite.refine((t) => t >= 0, { error: 'The tolerance cannot be negative' }).default(0),
  }),
  z.object({ kind: z.literal('range'), min: finite, max: finite }).refine((range) => range.min <= range.max, {
    error: 'The smallest accepted value must not be above the largest',
    path: ['max'],
  }),
]);
export type NumericAnswer = z.infer<typeof numericAnswerSchema>;

/** The fields every checkpoint type shares; published packages reuse them for their sealed form (answerKey.ts). */
export const checkpointBaseShape = {
  id: z.uuid({ error: 'Not a valid id' }),
  /** Source time: the checkpoint stays on its moment of the take whatever the edit list does. */
  sourceMs: z
    .number()
    .int({ error: 'Times are whole milliseconds' })
    .nonnegative({ error: 'Times cannot be negative' }),
  prompt: requiredMarkdown(PROMPT_MAX, 'The question'),
  feedback: z
    .object({
      correct: markdown(FEEDBACK_MAX, 'Feedback').optional(),
      incorrect: markdown(FEEDBACK_MAX, 'Feedback').optional(),
    })
    .default({}),
  points: finite.refine((p) => p >= 0 && p <= 1000, { error: 'Points are between 0 and 1000' }).default(1),
  required: z.boolean().default(true),
  // Unlimited by default: the check is a low-stakes readiness gate, not an exam (see the flipped-classroom seed).
  attemptsAllowed: z.number().int().min(1, { error: 'Allow at least one attempt' }).max(100).nullable().default(null),
  rewatchFrom: rewatchFromSchema.default({ kind: 'previousMarker' }),
  /** Once the last attempt is used up and wrong, the learner is shown the right answer (limited attempts only). */
  revealAnswer: z.boolean().default(false),
};

/** A choice list's rules, for any kind of choice (the package's sealed choices carry no `correct`). */
export const choiceList = <T extends z.ZodType<{ id: string }>>(choice: T) =>
  z
    .array(choice)
    .min(CHOICES_MIN, { error: `Give at least ${CHOICES_MIN} choices` })
    .max(CHOICES_MAX, { error: `A question has at most ${CHOICES_MAX} choices` })
    .refine((list) => new Set(list.map((choice) => choice.id)).size === list.length, {
      error: 'Two choices have the same id',
    });
const choices = choiceList(choiceSchema);

const correctCount = (list: readonly Choice[]) => list.filter((choice) => choice.correct).length;

const singleSchema = z
  .object({ ...checkpointBaseShape, type: z.literal('single'), choices })
  .refine((q) => correctCount(q.choices) === 1, { error: 'Mark exactly one choice as correct', path: ['choices'] });

const multipleSchema = z
  .object({
    ...checkpointBaseShape,
    type: z.literal('multiple'),
    choices,
    // Off by default: all-or-nothing matches the LMS's correct/incorrect result and does not reward ticking everything.
    partialCredit: z.boolean().default(false),
  })
  .refine((q) => correctCount(q.choices) >= 1, { error: 'Mark at least one choice as correct', path: ['choices'] });

const trueFalseSchema = z.object({
  ...checkpointBaseShape,
  type: z.literal('trueFalse'),
  answer: z.boolean({ error: 'Say whether the statement is true or false' }),
});

const shortAnswerSchema = z
  .object({
    ...checkpointBaseShape,
    type: z.literal('shortAnswer'),
    accepted: z
      .array(
        z.string().max(ACCEPTED_TEXT_MAX, { error: `An accepted answer is at most ${ACCEPTED_TEXT_MAX} characters` }),
      )
      .min(1, { error: 'Give at least one accepted answer' })
      .max(ACCEPTED_MAX, { error: `Give at most ${ACCEPTED_MAX} accepted answers` }),
    matching: matchingSchema.default({
      ignoreCase: true,
      ignoreAccents: true,
      ignoreSpacing: true,
      ignorePunctuation: true,
    }),
  })
  // An answer that normalises to nothing ("", "  ", or "?!" with punctuation ignored) could never be matched.
  .refine((q) => q.accepted.every((answer) => normalizeAnswer(answer, q.matching).length > 0), {
    error:
      'An accepted answer is empty once spaces and punctuation are ignored; change it or turn off "ignore punctuation"',
    path: ['accepted'],
  });

const numericSchema = z.object({ ...checkpointBaseShape, type: z.literal('numeric'), answer: numericAnswerSchema });

export const checkpointSchema = z.discriminatedUnion('type', [
  singleSchema,
  multipleSchema,
  trueFalseSchema,
  shortAnswerSchema,
  numericSchema,
]);
/** What a checkpoint is once parsed (defaults filled in). */
export type Checkpoint = z.output<typeof checkpointSchema>;
/** What the editor may hand in (defaults optional). */
export type CheckpointInput = z.input<typeof checkpointSchema>;
export type CheckpointOf<T extends CheckpointType> = Extract<Checkpoint, { type: T }>;

export const checkpointListSchema = z
  .array(checkpointSchema)
  .max(CHECKPOINTS_MAX, { error: `A lesson holds at most ${CHECKPOINTS_MAX} checkpoints` })
  .refine((list) => new Set(list.map((checkpoint) => checkpoint.id)).size === list.length, {
    error: 'Two checkpoints have the same id',
  });

export const playbackRateSchema = z
  .number()
  .min(0.25, { error: 'The slowest speed is 0.25×' })
  .max(4, { error: 'The fastest speed is 4×' });

/**
 * Which attempt a question's points come from. bestAttempt (the default) rewards learning from feedback; firstAttempt
 * measures what the learner knew before the feedback told them, so wrong-then-right earns nothing.
 */
export const scoringRuleSchema = z.enum(['bestAttempt', 'firstAttempt']);
export type ScoringRule = z.infer<typeof scoringRuleSchema>;

export const lessonRulesSchema = z.object({
  /** noSkipAhead: learners may not seek past the furthest point watched, nor past a required checkpoint not yet answered. */
  navigation: z.enum(['free', 'noSkipAhead']).default('noSkipAhead'),
  /** Re-ask an answered checkpoint when the learner plays through it again. */
  pauseAgainWhenAnswered: z.boolean().default(false),
  scoring: scoringRuleSchema.default('bestAttempt'),
  masteryPercent: z
    .number()
    .min(0, { error: 'Mastery is between 0 and 100%' })
    .max(100, { error: 'Mastery is between 0 and 100%' })
    .default(80),
  completion: z
    .object({
      minWatchedPercent: z
        .number()
        .min(0, { error: 'Between 0 and 100%' })
        .max(100, { error: 'Between 0 and 100%' })
        .default(90),
      requireAllRequiredCheckpoints: z.boolean().default(true),
    })
    .default({ minWatchedPercent: 90, requireAllRequiredCheckpoints: true }),
  playbackRates: z
    .array(playbackRateSchema)
    .min(1)
    .max(12)
    .refine((rates) => rates.includes(1), { error: 'Normal speed (1×) must always be allowed' })
    .refine((rates) => new Set(rates).size === rates.length, { error: 'A speed is listed twice' })
    .default([0.75, 1, 1.25, 1.5, 2]),
});
export type LessonRules = z.output<typeof lessonRulesSchema>;
export type LessonRulesInput = z.input<typeof lessonRulesSchema>;

/**
 * Parses editor input into a checkpoint, or returns teacher-readable messages keyed by field path
 * ("choices", "answer.max"), so the authoring UI can show each beside its field.
 */
export function validateCheckpoint(
  input: unknown,
): { ok: true; checkpoint: Checkpoint } | { ok: false; errors: { path: string; message: string }[] } {
  const result = checkpointSchema.safeParse(input);
  if (result.success) return { ok: true, checkpoint: result.data };
  return {
    ok: false,
    errors: result.error.issues.map((issue) => ({ path: issue.path.map(String).join('.'), message: issue.message })),
  };
}
