import { describe, expect, it } from 'vitest';
import { removedRanges } from './removedRanges';

describe('removedRanges', () => {
  it('lists the trimmed ends and the cuts, each at the lesson time where it was', () => {
    expect(
      removedRanges({
        sourceDuration: 12_000,
        trimStart: 1_000,
        trimEnd: 11_000,
        cuts: [{ start: 4_000, end: 6_000 }],
        splits: [],
      }),
    ).toEqual([
      { kind: 'trim-start', start: 0, end: 1_000, lessonMs: 0 },
      { kind: 'cut', start: 4_000, end: 6_000, lessonMs: 3_000 },
      { kind: 'trim-end', start: 11_000, end: 12_000, lessonMs: 8_000 },
    ]);
  });

  it('is empty for an untouched take', () => {
    expect(removedRanges({ sourceDuration: 5_000, trimStart: 0, trimEnd: 5_000, cuts: [], splits: [] })).toEqual([]);
  });
});
