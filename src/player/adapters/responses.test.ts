import { describe, expect, it } from 'vitest';
import { parseLearnerNumber } from '@shared/checkpoints/normalize';
import type { Interaction } from '../adapter';
import { clipUnits, description2004, fillIn, responses12, responses2004 } from './responses';

const base = { id: 'q1', result: 'correct' as const, latencyMs: 1000, timestamp: new Date(0), description: 'Q' };
const letterOf = (_checkpoint: string, choice: string) => ({ red: 'a', green: 'b', blue: 'c' })[choice] ?? null;
const both = (interaction: Interaction) => [
  responses12(interaction, letterOf, parseLearnerNumber),
  responses2004(interaction, letterOf, parseLearnerNumber),
];

describe('interaction responses per standard', () => {
  it('writes choices as letters, "," in 1.2 and "[,]" in 2004', () => {
    const [v12, v2004] = both({ ...base, type: 'choice', learnerResponse: ['red', 'blue'], correctResponse: ['blue'] });
    expect(v12).toEqual({ type: 'choice', response: 'a,c', patterns: ['c'] });
    expect(v2004).toEqual({ type: 'choice', response: 'a[,]c', patterns: ['c'] });
  });

  it('writes true-false as t/f in 1.2 and true/false in 2004', () => {
    const [v12, v2004] = both({ ...base, type: 'true-false', learnerResponse: false, correctResponse: true });
    expect(v12).toMatchObject({ response: 'f', patterns: ['t'] });
    expect(v2004).toMatchObject({ response: 'false', patterns: ['true'] });
  });

  it('writes fill-in with every accepted answer as a case-insensitive 2004 pattern', () => {
    const [v12, v2004] = both({
      ...base,
      type: 'fill-in',
      learnerResponse: '{Paris[,] France',
      correctResponse: ['Paris', 'paris france'],
    });
    expect(v12).toEqual({ type: 'fill-in', response: '{Paris[,] France', patterns: ['Paris'] });
    expect(v2004).toEqual({
      type: 'fill-in',
      response: '(Paris  France',
      patterns: ['{case_matters=false}Paris', '{case_matters=false}paris france'],
    });
  });

  it('writes numbers as decimals, a 2004 range as min[:]max, and no 1.2 pattern for a range', () => {
    const [v12, v2004] = both({
      ...base,
      type: 'numeric',
      learnerResponse: '3,5',
      correctResponse: { min: 3, max: 4 },
    });
    expect(v12).toEqual({ type: 'numeric', response: '3.5', patterns: [] });
    expect(v2004).toEqual({ type: 'numeric', response: '3.5', patterns: ['3[:]4'] });
    const [exact12, exact2004] = both({
      ...base,
      type: 'numeric',
      learnerResponse: 'seven',
      correctResponse: { min: 7, max: 7 },
    });
    expect(exact12).toMatchObject({ response: '', patterns: ['7'] });
    expect(exact2004).toMatchObject({ response: '', patterns: ['7'] });
  });

  it('keeps descriptions and fill-ins within 250 units without splitting an emoji', () => {
    expect(description2004('{x} y', 'fr-CA')).toBe('{lang=fr-CA}(x} y');
    expect(fillIn('🎓'.repeat(200))).toHaveLength(250);
    expect(clipUnits(`${'a'.repeat(249)}🎓`, 250)).toBe('a'.repeat(249));
  });
});
