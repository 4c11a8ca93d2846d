import { describe, expect, it } from 'vitest';
import { shownAnswer } from './shownAnswer';
import { checkpoint } from './testFixtures';

describe('the answer shown after the last attempt', () => {
  it('lists every correct choice in the teacher’s Markdown, and only those', () => {
    const multiple = checkpoint({
      type: 'multiple',
      choices: [
        { id: 'a', text: '**Gravity**', correct: true },
        { id: 'b', text: 'Friction', correct: false },
        { id: 'c', text: 'Normal force', correct: true },
      ],
    });
    expect(shownAnswer(multiple)).toEqual({ kind: 'choices', markdown: ['**Gravity**', 'Normal force'] });
  });

  it('says true or false, and a short answer as the teacher first wrote it', () => {
    expect(shownAnswer(checkpoint({ type: 'trueFalse', answer: false }))).toEqual({ kind: 'text', text: 'False' });
    expect(shownAnswer(checkpoint({ type: 'shortAnswer', accepted: ['Paris', 'paris'] }))).toEqual({
      kind: 'text',
      text: 'Paris',
    });
  });

  it('gives a number with its tolerance, or the accepted range', () => {
    const exact = checkpoint({ type: 'numeric', answer: { kind: 'value', value: 3.5, tolerance: 0 } });
    const near = checkpoint({ type: 'numeric', answer: { kind: 'value', value: 3.5, tolerance: 0.1 } });
    const range = checkpoint({ type: 'numeric', answer: { kind: 'range', min: 2, max: 4 } });
    expect(shownAnswer(exact)).toEqual({ kind: 'text', text: '3.5' });
    expect(shownAnswer(near)).toEqual({ kind: 'text', text: '3.5 ± 0.1' });
    expect(shownAnswer(range)).toEqual({ kind: 'text', text: 'Between 2 and 4' });
  });
});
