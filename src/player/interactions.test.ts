import { describe, expect, it } from 'vitest';
import { checkpointSchema, scoreAnswer, type CheckpointResponse } from '@shared/checkpoints';
import { interactionSchema } from './adapter';
import { DESCRIPTION_MAX, plainText, toInteraction } from './interactions';

const timing = { latencyMs: 3_456.7, timestamp: new Date(Date.UTC(2025, 0, 1)) };
const base = {
  id: '0a1b2c3d-0000-4000-8000-000000000001',
  sourceMs: 0,
  prompt: 'Pick **one**:\n- see [notes](https://x.example)',
};

function interactionFor(input: Record<string, unknown>, response: CheckpointResponse) {
  const checkpoint = checkpointSchema.parse({ ...base, ...input });
  const interaction = toInteraction(checkpoint, response, scoreAnswer(checkpoint, response), timing);
  expect(interactionSchema.safeParse(interaction).success).toBe(true);
  return interaction;
}

const choices = [
  { id: 'a', text: 'A', correct: true },
  { id: 'b', text: 'B', correct: false },
];

describe('toInteraction', () => {
  it('maps each checkpoint type to its interaction type', () => {
    expect(interactionFor({ type: 'single', choices }, { type: 'single', choiceId: 'b' })).toEqual({
      id: base.id,
      type: 'choice',
      learnerResponse: ['b'],
      correctResponse: ['a'],
      result: 'incorrect',
      latencyMs: 3_457,
      timestamp: timing.timestamp,
      description: 'Pick one: see notes',
    });
    expect(interactionFor({ type: 'multiple', choices }, { type: 'multiple', choiceIds: ['a'] })).toMatchObject({
      type: 'choice',
      result: 'correct',
    });
    expect(interactionFor({ type: 'trueFalse', answer: false }, { type: 'trueFalse', value: false })).toMatchObject({
      type: 'true-false',
      learnerResponse: false,
      correctResponse: false,
      result: 'correct',
    });
    expect(
      interactionFor({ type: 'shortAnswer', accepted: ['Paris'] }, { type: 'shortAnswer', text: 'paris' }),
    ).toMatchObject({
      type: 'fill-in',
      learnerResponse: 'paris',
      correctResponse: ['Paris'],
      result: 'correct',
    });
    expect(
      interactionFor(
        { type: 'numeric', answer: { kind: 'value', value: 10, tolerance: 0.5 } },
        { type: 'numeric', text: '9,6' },
      ),
    ).toMatchObject({
      type: 'numeric',
      learnerResponse: '9,6',
      correctResponse: { min: 9.5, max: 10.5 },
      result: 'correct',
    });
  });

  it('keeps descriptions short enough for every LMS', () => {
    expect(Array.from(plainText('x'.repeat(1_000)))).toHaveLength(DESCRIPTION_MAX);
  });
});
