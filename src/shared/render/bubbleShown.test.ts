import { describe, expect, it } from 'vitest';
import { shownRanges } from './bubbleShown';

describe('shownRanges', () => {
  it('maps the unhidden parts of kept spans into lesson time, joining across cuts', () => {
    const spans = [
      { sourceStart: 0, sourceEnd: 1_000, lessonStart: 0 },
      { sourceStart: 2_000, sourceEnd: 4_000, lessonStart: 1_000 },
    ];
    expect(shownRanges([], spans)).toEqual([{ start: 0, end: 3_000 }]);
    expect(shownRanges([{ start: 500, end: 2_500 }], spans)).toEqual([
      { start: 0, end: 500 },
      { start: 1_500, end: 3_000 },
    ]);
  });
});
