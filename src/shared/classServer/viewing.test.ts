import { describe, expect, it } from 'vitest';
import { rewatchedRanges, rewatchHeat, summarizeViewing, watchSegments } from './viewing';

const span = (fromMs: number, toMs: number, rate = 1) => ({ fromMs, toMs, rate });

describe('watchSegments', () => {
  it('counts how often each stretch was played, joining neighbours with the same count', () => {
    expect(watchSegments([span(0, 10_000), span(10_000, 20_000), span(5_000, 15_000), span(5_000, 8_000)])).toEqual([
      { startMs: 0, endMs: 5_000, count: 1 },
      { startMs: 5_000, endMs: 8_000, count: 3 },
      { startMs: 8_000, endMs: 15_000, count: 2 },
      { startMs: 15_000, endMs: 20_000, count: 1 },
    ]);
  });

  it('ignores empty and backwards spans', () => {
    expect(watchSegments([span(5, 5), span(9, 3)])).toEqual([]);
  });
});

describe('summarizeViewing', () => {
  it('finds what was watched, how far, what was jumped over, and the speeds', () => {
    const viewing = summarizeViewing({
      spans: [span(0, 10_000), span(30_000, 40_000, 1.5), span(30_000, 35_000, 0.75)],
      pauses: 2,
      seeks: 1,
    });
    expect(viewing).toMatchObject({
      watchedMs: 20_000,
      furthestMs: 40_000,
      skipped: [{ startMs: 10_000, endMs: 30_000 }],
      rates: [0.75, 1, 1.5],
      pauses: 2,
      seeks: 1,
    });
  });

  it('a bookmark further than any span (a resume) counts as reached, what lies before it unwatched as skipped', () => {
    expect(summarizeViewing({ spans: [span(0, 5_000)], pauses: 0, seeks: 0, furthestMs: 9_000 }).skipped).toEqual([
      { startMs: 5_000, endMs: 9_000 },
    ]);
  });
});

describe('rewatchedRanges and the heat strip', () => {
  it('reports stretches played again with how many extra times, ignoring sub-second seams between reports', () => {
    const viewing = summarizeViewing({
      spans: [span(0, 10_020), span(10_000, 20_000), span(4_000, 8_000), span(4_000, 8_000), span(6_000, 9_000)],
      pauses: 0,
      seeks: 0,
    });
    expect(rewatchedRanges(viewing)).toEqual([{ startMs: 4_000, endMs: 9_000, times: 3 }]);
  });

  it('counts, per part of the lesson, the learners who went back over it', () => {
    const ana = summarizeViewing({ spans: [span(0, 60_000), span(0, 20_000)], pauses: 0, seeks: 0 });
    const ben = summarizeViewing({ spans: [span(0, 60_000), span(10_000, 30_000)], pauses: 0, seeks: 0 });
    const cy = summarizeViewing({ spans: [span(0, 60_000)], pauses: 0, seeks: 0 });
    expect(rewatchHeat([ana, ben, cy], 60_000, 6)).toEqual([1, 2, 1, 0, 0, 0]);
    expect(rewatchHeat([ana], 0, 3)).toEqual([0, 0, 0]);
  });
});
