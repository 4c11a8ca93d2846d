import { z } from 'zod';

const lessonMs = z
  .number()
  .int()
  .nonnegative()
  .max(24 * 3600_000);
const rate = z.number().min(0.25).max(4);

/**
 * What the player sends the class server, one record per thing the learner did. Each carries a random id made in the
 * browser, so a batch sent again after a dropped connection is stored once, and the time it happened on the
 * learner's clock (`at`, epoch ms), so the order survives hours in an offline queue.
 */
const base = { id: z.uuid(), at: z.number().int().nonnegative() };

/** A choice answer is the choice ids, true/false a boolean, a typed answer the text as typed. */
export const answerResponseSchema = z.union([
  z.array(z.string().min(1).max(64)).max(50),
  z.boolean(),
  z.string().max(500),
]);
export type AnswerResponse = z.infer<typeof answerResponseSchema>;

export const learnerEventSchema = z.discriminatedUnion('kind', [
  z.object({
    ...base,
    kind: z.literal('answer'),
    checkpointId: z.string().min(1).max(64),
    correct: z.boolean(),
    response: answerResponseSchema,
    latencyMs: z.number().int().nonnegative(),
  }),
  /** Lesson time played without a break, at one speed. */
  z
    .object({ ...base, kind: z.literal('watched'), fromMs: lessonMs, toMs: lessonMs, rate })
    .refine((event) => event.toMs >= event.fromMs, { error: 'A watched range ends after it starts', path: ['toMs'] }),
  z.object({ ...base, kind: z.literal('paused'), atMs: lessonMs }),
  /** A jump: by the learner (seek bar, keys) or by the player for them (Rewatch, Review). */
  z.object({ ...base, kind: z.literal('seeked'), fromMs: lessonMs, toMs: lessonMs }),
  z.object({ ...base, kind: z.literal('rate'), rate }),
  /** The bookmark and the learner state to resume from (the player's suspend data). */
  z.object({
    ...base,
    kind: z.literal('progress'),
    progress: z.number().min(0).max(1),
    locationMs: lessonMs,
    state: z.string().max(4096),
  }),
  z.object({
    ...base,
    kind: z.literal('score'),
    raw: z.number().nonnegative(),
    max: z.number().nonnegative(),
    scaled: z.number().min(0).max(1),
  }),
  z.object({
    ...base,
    kind: z.literal('completion'),
    completion: z.enum(['completed', 'incomplete']),
    success: z.enum(['passed', 'failed', 'unknown']),
  }),
]);
export type LearnerEvent = z.infer<typeof learnerEventSchema>;

/** One request's worth: the player sends what its queue holds, at most this many at a time. */
export const EVENTS_PER_BATCH = 100;

export const eventBatchSchema = z.object({
  events: z.array(learnerEventSchema).min(1).max(EVENTS_PER_BATCH),
});

export const eventBatchResultSchema = z.object({
  /** Stored now. */
  accepted: z.number().int().nonnegative(),
  /** Already stored by an earlier send of the same events. */
  duplicates: z.number().int().nonnegative(),
});
export type EventBatchResult = z.infer<typeof eventBatchResultSchema>;
