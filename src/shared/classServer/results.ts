import { z } from 'zod';
import { answerResponseSchema } from './events';
import { viewingSchema } from './viewing';

const epochMs = z.number().int().nonnegative();
const id = z.uuid();

/** A question as the results need it: from the lesson version the server holds (its lesson.json). */
export const resultQuestionSchema = z.object({
  id: z.string(),
  /** Plain text. */
  prompt: z.string(),
  type: z.enum(['single', 'multiple', 'trueFalse', 'shortAnswer', 'numeric']),
  lessonMs: z.number().int().nonnegative(),
  /** null: as many tries as the learner wants. */
  attemptsAllowed: z.number().int().positive().nullable(),
  choices: z.array(z.object({ id: z.string(), text: z.string() })),
});
export type ResultQuestion = z.infer<typeof resultQuestionSchema>;

export const lessonVersionSchema = z.object({
  version: z.number().int().positive(),
  createdAt: epochMs,
  sizeBytes: z.number().int().nonnegative(),
});

/** A lesson on the class server: one per studio lesson and teacher, re-published as new versions. */
export const serverLessonSchema = z.object({
  id,
  title: z.string(),
  /** The address learners open; stable across versions. */
  url: z.string(),
  latestVersion: z.number().int().positive(),
  durationMs: z.number().int().nonnegative(),
  questions: z.array(resultQuestionSchema),
  versions: z.array(lessonVersionSchema),
  publishedAt: epochMs,
});
export type ServerLesson = z.infer<typeof serverLessonSchema>;

export const classSummarySchema = z.object({
  id,
  name: z.string(),
  joinCode: z.string(),
  learnerCount: z.number().int().nonnegative(),
  createdAt: epochMs,
});
export type ClassSummary = z.infer<typeof classSummarySchema>;

export const attemptSchema = z.object({
  checkpointId: z.string(),
  at: epochMs,
  correct: z.boolean(),
  response: answerResponseSchema,
});
export type Attempt = z.infer<typeof attemptSchema>;

/** One learner's go at the lesson, as the server recorded it. */
export const runSchema = z.object({
  version: z.number().int().positive(),
  startedAt: epochMs,
  lastActivityAt: epochMs,
  progress: z.number().min(0).max(1),
  completion: z.enum(['completed', 'incomplete']).nullable(),
  success: z.enum(['passed', 'failed', 'unknown']).nullable(),
  score: z.object({ raw: z.number(), max: z.number(), scaled: z.number() }).nullable(),
  viewing: viewingSchema,
  /** Every attempt, oldest first. */
  attempts: z.array(attemptSchema),
});
export type Run = z.infer<typeof runSchema>;

/** A learner known only from the LMS's roster has no record here, so their id says so instead of naming one. */
export const ROSTER_ID_PREFIX = 'roster:';

export const learnerResultSchema = z.object({
  id: z.union([id, z.string().startsWith(ROSTER_ID_PREFIX).max(600)]),
  name: z.string(),
  classId: id,
  /** When they joined the class; for a learner known only from the roster, when the roster listed them. */
  joinedAt: epochMs,
  /** null: in the class but has not opened this lesson. */
  run: runSchema.nullable(),
  /** On the LMS course's roster but never launched from it: nothing of theirs is recorded to export or delete. */
  onlyOnRoster: z.literal(true).optional(),
});
export type LearnerResult = z.infer<typeof learnerResultSchema>;

/** What the server answers for one lesson's Class results: the raw record, analysed where it is shown. */
export const classResultsSchema = z.object({
  lesson: serverLessonSchema,
  classes: z.array(classSummarySchema),
  learners: z.array(learnerResultSchema),
  generatedAt: epochMs,
});
export type ClassResults = z.infer<typeof classResultsSchema>;
