import { z } from 'zod';
import { normalizeAnswer } from './normalize';
import {
  ACCEPTED_TEXT_MAX,
  checkpointBaseShape,
  choiceList,
  choiceSchema,
  matchingSchema,
  type Checkpoint,
} from './schema';
import { sha256Hex } from './sha256';

/**
 * A published package's answer key, not readable at a glance: which choices are correct, whether a statement is true,
 * and the accepted short answers are stored as salted SHA-256 hashes (128 bits, hex), never as text or flags. The
 * player can still score (it hashes what the learner chose or typed) and, for choices and true/false, recover the key
 * by hashing each option. Numeric answers stay readable: a range cannot be checked by hash. See docs/ARCHITECTURE.md
 * for what remains visible.
 */
interface AnswerKey {
  readonly salt: string;
  readonly hashes: readonly string[];
}

const hashSchema = z.string().regex(/^[0-9a-f]{32}$/, { error: 'An answer key entry is 32 hex digits' });
const keySchema = z.array(hashSchema).max(50);

/** One entry of a key: the salt and the checkpoint's id make the same answer hash differently in every package. */
export function keyHash(salt: string, checkpointId: string, value: string): string {
  return sha256Hex(`${salt}\u0000${checkpointId}\u0000${value}`).slice(0, 32);
}

/** A short answer's key entry: the answer as the teacher's matching normalises it, so any accepted spelling hashes alike. */
export function shortAnswerHash(
  salt: string,
  checkpoint: Pick<Checkpoint, 'id'> & { matching: z.output<typeof matchingSchema> },
  text: string,
): string {
  return keyHash(salt, checkpoint.id, normalizeAnswer(text, checkpoint.matching));
}

const sealedChoiceSchema = choiceSchema.omit({ correct: true });

/** The checkpoint types with a key, as a package stores them; numeric questions are stored as they are. */
export const sealedCheckpointSchema = z.discriminatedUnion('type', [
  z.object({
    ...checkpointBaseShape,
    type: z.literal('single'),
    choices: choiceList(sealedChoiceSchema),
    key: keySchema,
  }),
  z.object({
    ...checkpointBaseShape,
    type: z.literal('multiple'),
    choices: choiceList(sealedChoiceSchema),
    partialCredit: z.boolean().default(false),
    key: keySchema,
  }),
  z.object({ ...checkpointBaseShape, type: z.literal('trueFalse'), key: keySchema }),
  z.object({
    ...checkpointBaseShape,
    type: z.literal('shortAnswer'),
    matching: matchingSchema,
    key: keySchema,
    /** Present only when the teacher chose to reveal the answer after the last attempt: the one accepted text shown. */
    shownAnswer: z.string().max(ACCEPTED_TEXT_MAX).optional(),
  }),
]);
export type SealedCheckpoint = z.output<typeof sealedCheckpointSchema>;

/** What the player works with: a checkpoint as the teacher wrote it, short answers checked against their key. */
export type OpenedCheckpoint = Checkpoint & { readonly answerKey?: AnswerKey };

const sortedUnique = (values: readonly string[]) => [...new Set(values)].sort();

/** The package form of a checkpoint (numeric ones are returned as they are). */
export function sealCheckpoint(checkpoint: Checkpoint, salt: string): SealedCheckpoint | Checkpoint {
  const hash = (value: string) => keyHash(salt, checkpoint.id, value);
  switch (checkpoint.type) {
    case 'single':
    case 'multiple': {
      const key = sortedUnique(checkpoint.choices.filter((choice) => choice.correct).map((choice) => hash(choice.id)));
      const choices = checkpoint.choices.map(({ correct: _correct, ...choice }) => choice);
      return { ...checkpoint, choices, key };
    }
    case 'trueFalse': {
      const { answer, ...rest } = checkpoint;
      return { ...rest, key: [hash(String(answer))] };
    }
    case 'shortAnswer': {
      const { accepted, ...rest } = checkpoint;
      const key = sortedUnique(accepted.map((text) => shortAnswerHash(salt, checkpoint, text)));
      const shown = accepted[0];
      return checkpoint.revealAnswer && shown !== undefined ? { ...rest, key, shownAnswer: shown } : { ...rest, key };
    }
    case 'numeric':
      return checkpoint;
  }
}

/**
 * The player's form of a stored checkpoint: choices and true/false restored exactly (each option hashed and looked
 * up); a short answer keeps its key, since the accepted texts cannot be recovered, and is scored through it.
 */
export function openCheckpoint(stored: SealedCheckpoint | Checkpoint, salt: string): OpenedCheckpoint {
  if (!('key' in stored)) return stored;
  const { key, ...rest } = stored;
  const inKey = (value: string) => key.includes(keyHash(salt, stored.id, value));
  switch (rest.type) {
    case 'single':
    case 'multiple':
      return {
        ...rest,
        choices: rest.choices.map((choice) => ({ ...choice, correct: inKey(choice.id) })),
      };
    case 'trueFalse':
      return { ...rest, answer: inKey('true') };
    case 'shortAnswer': {
      // Only the text the teacher chose to reveal comes back; scoring still goes through the key.
      const { shownAnswer, ...question } = rest;
      return {
        ...question,
        accepted: shownAnswer === undefined ? [] : [shownAnswer],
        answerKey: { salt, hashes: key },
      };
    }
  }
}
