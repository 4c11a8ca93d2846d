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

  it('writes fill-in with every accepted answer as a 2004 pattern that says whether case matters', () => {
    const [v12, v2004] = both({
      ...base,
      type: 'fill-in',
      learnerResponse: '{Paris[,] France',
      correctResponse: ['Paris', 'paris france'],
      caseMatters: false,
    });
    expect(v12).toEqual({ type: 'fill-in', response: '{Paris[,] France', patterns: ['Paris'] });
    expect(v2004).toEqual({
      type: 'fill-in',
      response: '(Paris  France',
      patterns: ['{case_matters=false}Paris', '{case_matters=false}paris france'],
    });
    const [, strict] = both({
      ...base,
      type: 'fill-in',
      learnerResponse: 'Paris',
      correctResponse: ['Paris'],
      caseMatters: true,
    });
    expect(strict?.patterns).toEqual(['{case_matters=true}Paris']);
    const [unknown12, unknown2004] = both({
      ...base,
      type: 'fill-in',
      learnerResponse: 'Lyon',
      correctResponse: [],
      caseMatters: true,
    });
    expect([unknown12?.patterns, unknown2004?.patterns]).toEqual([[], []]);
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
    // RTE 4.2.9.1: a numeric pattern is <min>[:]<max>; a bare "7" is refused by ADL's data model (406).
    expect(exact2004).toMatchObject({ response: '', patterns: ['7[:]7'] });
  });

  it('writes numbers as plain decimals and leaves out one no LMS decimal holds', () => {
    const tiny = both({
      ...base,
      type: 'numeric',
      learnerResponse: '0.0000001',
      correctResponse: { min: 1e-7, max: 2e-7 },
    });
    expect(tiny.map((each) => each.response)).toEqual(['0.0000001', '0.0000001']);
    expect(tiny[1]?.patterns).toEqual(['0.0000001[:]0.0000002']);
    const huge = both({ ...base, type: 'numeric', learnerResponse: '1e21', correctResponse: { min: 3, max: 3 } });
    expect(huge.map((each) => each.response)).toEqual([null, null]);
  });

  it('keeps descriptions and fill-ins within 250 units without splitting an emoji', () => {
    expect(description2004('{x} y', 'fr-CA')).toBe('{lang=fr-CA}(x} y');
    expect(fillIn('🎓'.repeat(200))).toHaveLength(250);
    expect(clipUnits(`${'a'.repeat(249)}🎓`, 250)).toBe('a'.repeat(249));
  });
});
