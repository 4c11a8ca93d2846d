import { describe, expect, it } from 'vitest';
import { hottestStretches } from './heat';

describe('hottestStretches', () => {
  it('joins neighbouring parts with the same count and lists the most re-watched first', () => {
    expect(hottestStretches([0, 2, 2, 0, 1, 3], 60_000)).toEqual([
      { startMs: 50_000, endMs: 60_000, learners: 3 },
      { startMs: 10_000, endMs: 30_000, learners: 2 },
      { startMs: 40_000, endMs: 50_000, learners: 1 },
    ]);
    expect(hottestStretches([0, 0], 10_000)).toEqual([]);
  });
});
