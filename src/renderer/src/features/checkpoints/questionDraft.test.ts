import { describe, expect, it } from 'vitest';
import { checkpoint } from '@shared/checkpoints/testFixtures';
import { createLessonMap } from '@shared/timeline';
import { draftOf, newDraft, parseNumber, parseTimecode, validateDraft, type QuestionDraft } from './questionDraft';

const ID = '0b7a5c1e-4f2d-4c8e-9a41-2d6f3e1b5a90';
// A 10 s take with 2–4 s cut out: source 6 s is lesson 4 s.
const map = createLessonMap({
  sourceDuration: 10_000,
  trimStart: 0,
  trimEnd: 10_000,
  cuts: [{ start: 2_000, end: 4_000 }],
  splits: [],
});
const paths = (draft: QuestionDraft) => validateDraft(draft, map).errors.map((error) => error.path);

describe('question drafts', () => {
  it('a new single-choice question asks for its prompt and choice texts, in plain words', () => {
    const { errors } = validateDraft(newDraft(ID, 6_000), map);
    expect(errors).toEqual([
      { path: 'prompt', message: 'The question cannot be empty' },
      { path: 'choices.0.text', message: 'A choice cannot be empty' },
      { path: 'choices.1.text', message: 'A choice cannot be empty' },
    ]);
  });

  it('keeps every field across type changes, and checks what the new type needs', () => {
    const single: QuestionDraft = {
      ...newDraft(ID, 6_000),
      prompt: 'Pick',
      choices: [
        { id: 'a', text: 'A', correct: true, feedback: '' },
        { id: 'b', text: 'B', correct: true, feedback: '' },
      ],
    };
    expect(paths(single)).toEqual(['choices']);
    expect(paths({ ...single, type: 'multiple' })).toEqual([]);
    expect(validateDraft({ ...single, type: 'trueFalse' }, map).errors).toEqual([
      { path: 'answer', message: 'Say whether the statement is true or false' },
    ]);
    expect(paths({ ...single, type: 'trueFalse', trueFalse: false })).toEqual([]);
    expect(paths({ ...single, type: 'shortAnswer', accepted: ['', '  '] })).toEqual(['accepted']);
    expect(paths({ ...single, type: 'numeric', value: 'abc' })).toEqual(['answer.value']);
    expect(validateDraft({ ...single, type: 'numeric', value: 'abc' }, map).errors[0]?.message).toBe('Enter a number');
    expect(paths({ ...single, type: 'numeric', numericKind: 'range', min: '5', max: '2' })).toEqual(['answer.max']);
  });

  it('reads decimal commas, and times as the timeline writes them', () => {
    expect(parseNumber('3,5')).toBe(3.5);
    expect(parseNumber('')).toBeNaN();
    expect(parseNumber('1e3')).toBeNaN();
    expect(parseTimecode('0:04.5')).toBe(4_500);
    expect(parseTimecode('4')).toBe(4_000);
    expect(parseTimecode('1:75')).toBeNull();
    expect(parseTimecode('soon')).toBeNull();
  });

  it('stores a chosen rewatch time in source time, and refuses one after the question', () => {
    const draft: QuestionDraft = {
      ...newDraft(ID, 8_000, 'trueFalse'),
      prompt: 'Q',
      trueFalse: true,
      rewatch: 'sourceMs',
      rewatchAt: '0:03.0',
    };
    const { input, errors } = validateDraft(draft, map);
    expect(errors).toEqual([]);
    expect(input.rewatchFrom).toEqual({ kind: 'sourceMs', sourceMs: 5_000 });
    expect(validateDraft({ ...draft, rewatchAt: '0:07.0' }, map).errors).toEqual([
      { path: 'rewatchFrom.sourceMs', message: 'Choose a time before the question (0:06.0)' },
    ]);
    expect(paths({ ...draft, limitAttempts: true, attempts: 'two' })).toEqual(['attemptsAllowed']);
  });

  it('round-trips a saved question', () => {
    for (const saved of [
      checkpoint({
        type: 'multiple',
        partialCredit: true,
        feedback: { correct: 'Yes' },
        attemptsAllowed: 2,
        revealAnswer: true,
      }),
      checkpoint({
        type: 'numeric',
        answer: { kind: 'range', min: 1, max: 2 },
        rewatchFrom: { kind: 'sourceMs', sourceMs: 5_000 },
        sourceMs: 8_000,
      }),
      checkpoint({ type: 'shortAnswer', accepted: ['Paris', 'paris'], matching: { ignoreCase: false } }),
    ]) {
      const { input, errors } = validateDraft(draftOf(saved, map), map);
      expect(errors).toEqual([]);
      expect(input).toMatchObject({ ...saved, feedback: expect.anything() });
    }
  });

  it('saves “show the answer after the last attempt” only with limited attempts', () => {
    const limited = { ...newDraft(ID, 1_000), limitAttempts: true, attempts: '2', revealAnswer: true };
    expect(validateDraft(limited, map).input).toMatchObject({ attemptsAllowed: 2, revealAnswer: true });
    const unlimited = { ...limited, limitAttempts: false };
    expect(validateDraft(unlimited, map).input).toMatchObject({ attemptsAllowed: null, revealAnswer: false });
  });
});
