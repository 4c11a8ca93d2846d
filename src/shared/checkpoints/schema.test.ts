import { describe, expect, it } from 'vitest';
import { checkpointListSchema, checkpointSchema, lessonRulesSchema, validateCheckpoint } from './schema';
import { checkpoint, testId } from './testFixtures';

const choice = (id: string, correct: boolean) => ({ id, text: id.toUpperCase(), correct });
const base = { id: testId(), sourceMs: 1_000, prompt: 'What is **2 + 2**?' };

function messages(input: unknown): string[] {
  const result = validateCheckpoint(input);
  return result.ok ? [] : result.errors.map((error) => `${error.path}: ${error.message}`);
}

describe('checkpointSchema', () => {
  it('fills in the defaults a teacher expects', () => {
    const parsed = checkpointSchema.parse({
      ...base,
      type: 'single',
      choices: [choice('a', true), choice('b', false)],
    });
    expect(parsed).toMatchObject({
      points: 1,
      required: true,
      attemptsAllowed: null,
      rewatchFrom: { kind: 'previousMarker' },
      feedback: {},
    });
    const short = checkpointSchema.parse({ ...base, type: 'shortAnswer', accepted: ['Paris'] });
    expect(short.type === 'shortAnswer' && short.matching).toEqual({
      ignoreCase: true,
      ignoreAccents: true,
      ignoreSpacing: true,
      ignorePunctuation: true,
    });
    const multiple = checkpointSchema.parse({
      ...base,
      type: 'multiple',
      choices: [choice('a', true), choice('b', true)],
    });
    expect(multiple.type === 'multiple' && multiple.partialCredit).toBe(false);
  });

  it('accepts each type', () => {
    for (const type of ['single', 'multiple', 'trueFalse', 'shortAnswer', 'numeric'] as const)
      expect(checkpoint({ type }).type).toBe(type);
    expect(checkpoint({ type: 'numeric', answer: { kind: 'range', min: 1, max: 1 } }).type).toBe('numeric');
  });

  it.each([
    [
      'no correct choice',
      { type: 'single', choices: [choice('a', false), choice('b', false)] },
      'choices: Mark exactly one choice as correct',
    ],
    [
      'two correct in single',
      { type: 'single', choices: [choice('a', true), choice('b', true)] },
      'choices: Mark exactly one choice as correct',
    ],
    [
      'none correct in multiple',
      { type: 'multiple', choices: [choice('a', false), choice('b', false)] },
      'choices: Mark at least one choice as correct',
    ],
    ['one choice', { type: 'single', choices: [choice('a', true)] }, 'choices: Give at least 2 choices'],
    [
      'duplicate choice ids',
      { type: 'single', choices: [choice('a', true), choice('a', false)] },
      'choices: Two choices have the same id',
    ],
    [
      'empty choice text',
      { type: 'single', choices: [choice('a', true), { id: 'b', text: '  ', correct: false }] },
      'choices.1.text: A choice cannot be empty',
    ],
    [
      'min above max',
      { type: 'numeric', answer: { kind: 'range', min: 5, max: 2 } },
      'answer.max: The smallest accepted value must not be above the largest',
    ],
    [
      'negative tolerance',
      { type: 'numeric', answer: { kind: 'value', value: 5, tolerance: -1 } },
      'answer.tolerance: The tolerance cannot be negative',
    ],
    ['no accepted answer', { type: 'shortAnswer', accepted: [] }, 'accepted: Give at least one accepted answer'],
    [
      'punctuation-only answer',
      { type: 'shortAnswer', accepted: ['?!'] },
      'accepted: An accepted answer is empty once spaces and punctuation are ignored; change it or turn off "ignore punctuation"',
    ],
    ['missing true/false answer', { type: 'trueFalse' }, 'answer: Say whether the statement is true or false'],
    [
      'zero attempts',
      { type: 'trueFalse', answer: true, attemptsAllowed: 0 },
      'attemptsAllowed: Allow at least one attempt',
    ],
    ['negative points', { type: 'trueFalse', answer: true, points: -1 }, 'points: Points are between 0 and 1000'],
    ['an empty prompt', { type: 'trueFalse', answer: true, prompt: '   ' }, 'prompt: The question cannot be empty'],
    [
      'a long prompt',
      { type: 'trueFalse', answer: true, prompt: 'x'.repeat(5001) },
      'prompt: The question is at most 5000 characters',
    ],
    ['fractional time', { type: 'trueFalse', answer: true, sourceMs: 1.5 }, 'sourceMs: Times are whole milliseconds'],
  ])('refuses %s with a teacher-readable message', (_name, input, message) => {
    expect(messages({ ...base, ...input })).toContain(message);
  });

  it('allows a punctuation-only answer once punctuation counts', () => {
    expect(
      messages({ ...base, type: 'shortAnswer', accepted: ['?!'], matching: { ignorePunctuation: false } }),
    ).toEqual([]);
  });

  it('refuses an unknown type and a bad id', () => {
    expect(validateCheckpoint({ ...base, type: 'essay' }).ok).toBe(false);
    expect(messages({ ...base, id: 'nope', type: 'trueFalse', answer: true })).toContain('id: Not a valid id');
  });
});

describe('checkpointListSchema', () => {
  it('refuses duplicate ids and more than 50 checkpoints', () => {
    const one = checkpoint({ type: 'trueFalse' });
    expect(checkpointListSchema.safeParse([one, one]).success).toBe(false);
    const many = Array.from({ length: 51 }, () => checkpoint({ type: 'trueFalse' }));
    expect(checkpointListSchema.safeParse(many).success).toBe(false);
    expect(checkpointListSchema.safeParse(many.slice(0, 50)).success).toBe(true);
  });
});

describe('lessonRulesSchema', () => {
  it('defaults to a readiness gate', () => {
    expect(lessonRulesSchema.parse({})).toEqual({
      navigation: 'noSkipAhead',
      pauseAgainWhenAnswered: false,
      scoring: 'bestAttempt',
      masteryPercent: 80,
      completion: { minWatchedPercent: 90, requireAllRequiredCheckpoints: true },
      playbackRates: [0.75, 1, 1.25, 1.5, 2],
    });
  });

  it.each([
    [{ masteryPercent: 101 }],
    [{ masteryPercent: -1 }],
    [{ completion: { minWatchedPercent: 120 } }],
    [{ playbackRates: [1.5, 2] }],
    [{ playbackRates: [1, 1] }],
    [{ playbackRates: [1, 16] }],
    [{ navigation: 'locked' }],
  ])('refuses %j', (input) => {
    expect(lessonRulesSchema.safeParse(input).success).toBe(false);
  });
});
