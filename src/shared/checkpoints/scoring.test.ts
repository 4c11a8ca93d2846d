import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { normalizeAnswer, parseLearnerNumber } from './normalize';
import { isAnswerable, responseSchemaFor, scoreAnswer } from './scoring';
import { checkpoint } from './testFixtures';

const all = { ignoreCase: true, ignoreAccents: true, ignoreSpacing: true, ignorePunctuation: true };
const none = { ignoreCase: false, ignoreAccents: false, ignoreSpacing: false, ignorePunctuation: false };

describe('normalizeAnswer', () => {
  it('folds case, accents, spacing and punctuation when asked', () => {
    expect(normalizeAnswer('  Élan  Vital! ', all)).toBe('elanvital');
    expect(normalizeAnswer('  Élan   Vital! ', none)).toBe('Élan Vital!');
    expect(normalizeAnswer('Ｐａｒｉｓ', all)).toBe('paris');
    expect(normalizeAnswer('São\tPaulo', { ...none, ignoreAccents: true })).toBe('Sao Paulo');
    expect(normalizeAnswer('C++', all)).toBe('c++');
  });

  it('is idempotent', () => {
    fc.assert(
      fc.property(fc.string(), fc.boolean(), fc.boolean(), fc.boolean(), fc.boolean(), (text, a, b, c, d) => {
        const options = { ignoreCase: a, ignoreAccents: b, ignoreSpacing: c, ignorePunctuation: d };
        expect(normalizeAnswer(normalizeAnswer(text, options), options)).toBe(normalizeAnswer(text, options));
      }),
    );
  });
});

describe('parseLearnerNumber', () => {
  it.each([
    ['3.5', 3.5],
    ['3,5', 3.5],
    [' 3.50 ', 3.5],
    ['-2', -2],
    ['+2', 2],
    ['\u22122', -2],
    ['.5', 0.5],
    [',5', 0.5],
    ['3.', 3],
    ['1e3', 1000],
    ['6.02E23', 6.02e23],
    ['1e-3', 0.001],
    ['0,125', 0.125],
    ['1000', 1000],
    ['３', 3],
  ])('reads %j as %d', (text, value) => {
    expect(parseLearnerNumber(text)).toBe(value);
  });

  it.each([
    '',
    '   ',
    'NaN',
    'Infinity',
    '-',
    '.',
    '1.2.3',
    '1,2,3',
    '0x10',
    '1e',
    '1e99999',
    '1 000',
    '1,000',
    '12,345',
    'three',
    '3 m',
    '--2',
  ])('refuses %j', (text) => {
    expect(parseLearnerNumber(text)).toBeNull();
  });
});

describe('scoreAnswer', () => {
  it('single choice: the chosen choice’s feedback first, else the general line', () => {
    const q = checkpoint({
      type: 'single',
      points: 2,
      feedback: { correct: 'Well done', incorrect: 'Rewatch the proof' },
      choices: [
        { id: 'a', text: 'A', correct: true },
        { id: 'b', text: 'B', correct: false, feedback: 'B confuses area and perimeter' },
        { id: 'c', text: 'C', correct: false },
      ],
    });
    expect(scoreAnswer(q, { type: 'single', choiceId: 'a' })).toEqual({
      correct: true,
      score: 2,
      feedback: 'Well done',
    });
    expect(scoreAnswer(q, { type: 'single', choiceId: 'b' })).toEqual({
      correct: false,
      score: 0,
      feedback: 'B confuses area and perimeter',
    });
    expect(scoreAnswer(q, { type: 'single', choiceId: 'c' })).toEqual({
      correct: false,
      score: 0,
      feedback: 'Rewatch the proof',
    });
    expect(scoreAnswer(q, { type: 'single', choiceId: 'zzz' }).correct).toBe(false);
  });

  it('multiple choice is all or nothing by default', () => {
    const choices = [
      { id: 'a', text: 'A', correct: true },
      { id: 'b', text: 'B', correct: true },
      { id: 'c', text: 'C', correct: false, feedback: 'C is a distractor' },
    ];
    const q = checkpoint({ type: 'multiple', choices, points: 4 });
    expect(scoreAnswer(q, { type: 'multiple', choiceIds: ['b', 'a'] })).toMatchObject({ correct: true, score: 4 });
    expect(scoreAnswer(q, { type: 'multiple', choiceIds: ['a'] })).toMatchObject({
      correct: false,
      score: 0,
      feedback: null,
    });
    expect(scoreAnswer(q, { type: 'multiple', choiceIds: ['a', 'b', 'c'] })).toMatchObject({
      correct: false,
      score: 0,
      feedback: 'C is a distractor',
    });
    expect(scoreAnswer(q, { type: 'multiple', choiceIds: [] }).correct).toBe(false);
    expect(scoreAnswer(q, { type: 'multiple', choiceIds: ['a', 'b', 'x'] }).correct).toBe(false);
  });

  it('multiple choice with partial credit: right minus wrong, never below zero', () => {
    const choices = [
      { id: 'a', text: 'A', correct: true },
      { id: 'b', text: 'B', correct: true },
      { id: 'c', text: 'C', correct: false },
    ];
    const q = checkpoint({ type: 'multiple', choices, points: 4, partialCredit: true });
    expect(scoreAnswer(q, { type: 'multiple', choiceIds: ['a'] })).toMatchObject({ correct: false, score: 2 });
    expect(scoreAnswer(q, { type: 'multiple', choiceIds: ['a', 'b', 'c'] })).toMatchObject({
      correct: false,
      score: 2,
    });
    expect(scoreAnswer(q, { type: 'multiple', choiceIds: ['a', 'c'] })).toMatchObject({ correct: false, score: 0 });
    expect(scoreAnswer(q, { type: 'multiple', choiceIds: ['c'] })).toMatchObject({ correct: false, score: 0 });
  });

  it('true or false', () => {
    const q = checkpoint({ type: 'trueFalse', answer: false });
    expect(scoreAnswer(q, { type: 'trueFalse', value: false }).correct).toBe(true);
    expect(scoreAnswer(q, { type: 'trueFalse', value: true }).correct).toBe(false);
  });

  it('short answer forgives what the teacher allows, and empty is never right', () => {
    const q = checkpoint({ type: 'shortAnswer', accepted: ['Mitochondria', 'the mitochondrion'] });
    for (const text of ['mitochondria', '  MITOCHONDRIA. ', 'The  Mitochondrion', 'mitochôndria']) {
      expect(scoreAnswer(q, { type: 'shortAnswer', text }).correct).toBe(true);
    }
    for (const text of ['', '   ', '...', 'nucleus', 'mitochondri'])
      expect(scoreAnswer(q, { type: 'shortAnswer', text }).correct).toBe(false);
    const strict = checkpoint({
      type: 'shortAnswer',
      accepted: ['Café'],
      matching: { ignoreCase: false, ignoreAccents: false },
    });
    expect(scoreAnswer(strict, { type: 'shortAnswer', text: 'cafe' }).correct).toBe(false);
    expect(scoreAnswer(strict, { type: 'shortAnswer', text: ' Café ' }).correct).toBe(true);
  });

  it('numeric: exact with tolerance, inclusive bounds, ranges', () => {
    const q = checkpoint({ type: 'numeric', answer: { kind: 'value', value: 9.8, tolerance: 0.1 } });
    for (const text of ['9.8', '9,8', '9.7', '9.9', ' 9.90 ', '0.98e1'])
      expect(scoreAnswer(q, { type: 'numeric', text }).correct).toBe(true);
    for (const text of ['9.69', '9.91', '', 'abc', 'NaN'])
      expect(scoreAnswer(q, { type: 'numeric', text }).correct).toBe(false);
    const range = checkpoint({ type: 'numeric', answer: { kind: 'range', min: -2, max: 2 } });
    expect(scoreAnswer(range, { type: 'numeric', text: '-2' }).correct).toBe(true);
    expect(scoreAnswer(range, { type: 'numeric', text: '2' }).correct).toBe(true);
    expect(scoreAnswer(range, { type: 'numeric', text: '2.001' }).correct).toBe(false);
    const exact = checkpoint({ type: 'numeric', answer: { kind: 'value', value: 0.3 } });
    expect(scoreAnswer(exact, { type: 'numeric', text: String(0.1 + 0.2) }).correct).toBe(true);
  });

  it('never throws and never credits a malformed or mismatched response', () => {
    const questions = (['single', 'multiple', 'trueFalse', 'shortAnswer', 'numeric'] as const).map((type) =>
      checkpoint({ type }),
    );
    fc.assert(
      fc.property(fc.anything(), (response) => {
        for (const q of questions) {
          const result = scoreAnswer(q, response);
          expect(result.score === 0 || result.correct || q.type === 'multiple').toBe(true);
        }
      }),
    );
    expect(scoreAnswer(questions[2]!, { type: 'single', choiceId: 'a' }).correct).toBe(false);
    expect(scoreAnswer(questions[4]!, { type: 'shortAnswer', text: '3.5' }).correct).toBe(false);
    expect(scoreAnswer(questions[4]!, { type: 'numeric', text: '3.5' }).correct).toBe(true);
  });
});

describe('responseSchemaFor and isAnswerable', () => {
  it('gives each type its own shape', () => {
    expect(responseSchemaFor('numeric').safeParse({ type: 'numeric', text: '1' }).success).toBe(true);
    expect(responseSchemaFor('numeric').safeParse({ type: 'single', choiceId: 'a' }).success).toBe(false);
  });

  it('holds back submissions that cannot be scored fairly', () => {
    const numeric = checkpoint({ type: 'numeric' });
    expect(isAnswerable(numeric, { type: 'numeric', text: '1,000' })).toBe(false);
    expect(isAnswerable(numeric, { type: 'numeric', text: '1000' })).toBe(true);
    const short = checkpoint({ type: 'shortAnswer' });
    expect(isAnswerable(short, { type: 'shortAnswer', text: ' ?? ' })).toBe(false);
    expect(isAnswerable(checkpoint({ type: 'multiple' }), { type: 'multiple', choiceIds: [] })).toBe(false);
  });
});
