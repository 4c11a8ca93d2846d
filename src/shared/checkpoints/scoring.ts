import { z } from 'zod';
import { shortAnswerHash, type OpenedCheckpoint } from './answerKey';
import { normalizeAnswer, parseLearnerNumber } from './normalize';
import type { Checkpoint, CheckpointOf, CheckpointType, NumericAnswer } from './schema';

/** Longest text a learner may submit; the suspend data keeps less (see learnerState). */
export const RESPONSE_TEXT_MAX = 500;

const text = z.string().max(RESPONSE_TEXT_MAX);

/** A learner's answer, tagged with the question type it answers so a mismatch can never score. */
export const responseSchema = z.discriminatedUnion('type', [
  z.object({ type: z.literal('single'), choiceId: z.string().max(64) }),
  z.object({ type: z.literal('multiple'), choiceIds: z.array(z.string().max(64)).max(50) }),
  z.object({ type: z.literal('trueFalse'), value: z.boolean() }),
  z.object({ type: z.literal('shortAnswer'), text }),
  z.object({ type: z.literal('numeric'), text }),
]);
export type CheckpointResponse = z.infer<typeof responseSchema>;
export type ResponseOf<T extends CheckpointType> = Extract<CheckpointResponse, { type: T }>;

export function responseSchemaFor<T extends CheckpointType>(type: T): z.ZodType<ResponseOf<T>> {
  const option = responseSchema.options.find((schema) => schema.shape.type.value === type);
  if (!option) throw new Error(`No response schema for ${type}`);
  return option as unknown as z.ZodType<ResponseOf<T>>;
}

export interface ScoreResult {
  readonly correct: boolean;
  /** Points earned, 0..checkpoint.points. */
  readonly score: number;
  /** Markdown to show the learner, or null when the teacher wrote none (the player then says only right or wrong). */
  readonly feedback: string | null;
}

/**
 * Scores any response against any checkpoint and never throws: an answer of the wrong shape, for another question
 * type, empty, or naming a choice that does not exist is simply incorrect.
 */
export function scoreAnswer(checkpoint: OpenedCheckpoint, response: unknown): ScoreResult {
  const parsed = responseSchema.safeParse(response);
  if (!parsed.success || parsed.data.type !== checkpoint.type) return verdict(checkpoint, false);
  const answer = parsed.data;
  switch (checkpoint.type) {
    case 'single':
      return answer.type === 'single' ? scoreSingle(checkpoint, answer) : verdict(checkpoint, false);
    case 'multiple':
      return answer.type === 'multiple' ? scoreMultiple(checkpoint, answer) : verdict(checkpoint, false);
    case 'trueFalse':
      return verdict(checkpoint, answer.type === 'trueFalse' && answer.value === checkpoint.answer);
    case 'shortAnswer':
      return verdict(
        checkpoint,
        answer.type === 'shortAnswer' && matchesShortAnswer(checkpoint, answer.text, checkpoint.answerKey),
      );
    case 'numeric':
      return verdict(checkpoint, answer.type === 'numeric' && matchesNumber(checkpoint.answer, answer.text));
  }
}

function verdict(checkpoint: Checkpoint, correct: boolean, feedback?: string): ScoreResult {
  const general = correct ? checkpoint.feedback.correct : checkpoint.feedback.incorrect;
  return { correct, score: correct ? checkpoint.points : 0, feedback: nonEmpty(feedback) ?? nonEmpty(general) ?? null };
}

function nonEmpty(value: string | undefined): string | undefined {
  return value !== undefined && value.trim() !== '' ? value : undefined;
}

// The chosen choice's own feedback speaks to the exact misconception, so it comes before the general line.
function scoreSingle(checkpoint: CheckpointOf<'single'>, answer: ResponseOf<'single'>): ScoreResult {
  const chosen = checkpoint.choices.find((choice) => choice.id === answer.choiceId);
  return verdict(checkpoint, chosen?.correct === true, chosen?.feedback);
}

/**
 * Correct only when exactly the correct set is chosen. With partialCredit on, the score is points × (right picks −
 * wrong picks) / number of correct choices, floored at 0, so ticking every box earns nothing.
 */
function scoreMultiple(checkpoint: CheckpointOf<'multiple'>, answer: ResponseOf<'multiple'>): ScoreResult {
  const picked = new Set(answer.choiceIds);
  const chosen = checkpoint.choices.filter((choice) => picked.has(choice.id));
  const unknown = picked.size !== chosen.length;
  const rightPicks = chosen.filter((choice) => choice.correct).length;
  const wrongPicks = chosen.length - rightPicks + (unknown ? 1 : 0);
  const correctTotal = checkpoint.choices.filter((choice) => choice.correct).length;
  const correct = wrongPicks === 0 && rightPicks === correctTotal;
  const wrongFeedback = chosen.find((choice) => !choice.correct && nonEmpty(choice.feedback))?.feedback;
  const result = verdict(checkpoint, correct, correct ? undefined : wrongFeedback);
  if (correct || !checkpoint.partialCredit || correctTotal === 0) return result;
  const fraction = Math.max(0, (rightPicks - wrongPicks) / correctTotal);
  return { ...result, score: checkpoint.points * fraction };
}

/** Against the accepted texts, or in a published package against their hashes (answerKey.ts). */
function matchesShortAnswer(
  checkpoint: CheckpointOf<'shortAnswer'>,
  response: string,
  key: OpenedCheckpoint['answerKey'],
): boolean {
  const given = normalizeAnswer(response, checkpoint.matching);
  if (given === '') return false;
  if (key) return key.hashes.includes(shortAnswerHash(key.salt, checkpoint, response));
  return checkpoint.accepted.some((accepted) => normalizeAnswer(accepted, checkpoint.matching) === given);
}

/** Bounds are inclusive, with a hair of slack so 0.1 + 0.2 style rounding cannot fail an exact answer. */
export function matchesNumber(answer: NumericAnswer, response: string): boolean {
  const value = parseLearnerNumber(response);
  if (value === null) return false;
  const [low, high] =
    answer.kind === 'value'
      ? [answer.value - answer.tolerance, answer.value + answer.tolerance]
      : [answer.min, answer.max];
  const slack = 1e-9 * Math.max(1, Math.abs(low), Math.abs(high));
  return value >= low - slack && value <= high + slack;
}

/** Whether a response is worth submitting: the player greys out "Check" and counts no attempt until it is. */
export function isAnswerable(checkpoint: Checkpoint, response: CheckpointResponse): boolean {
  if (response.type !== checkpoint.type) return false;
  switch (response.type) {
    case 'single':
      return response.choiceId !== '';
    case 'multiple':
      return response.choiceIds.length > 0;
    case 'trueFalse':
      return true;
    case 'shortAnswer':
      return checkpoint.type === 'shortAnswer' && normalizeAnswer(response.text, checkpoint.matching) !== '';
    case 'numeric':
      return parseLearnerNumber(response.text) !== null;
  }
}
