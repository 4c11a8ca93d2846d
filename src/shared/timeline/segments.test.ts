import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { editListArb } from './arbitraries.testkit';
import { keptRanges, lessonDuration, type EditList } from './editList';
import { segmentAt, segments } from './segments';

describe('segments', () => {
  it('divides the kept ranges at the splits that fall inside them', () => {
    const list: EditList = {
      sourceDuration: 10_000,
      trimStart: 1_000,
      trimEnd: 9_000,
      cuts: [{ start: 4_000, end: 5_000 }],
      splits: [2_000, 4_500, 5_000, 7_000],
    };
    expect(segments(list)).toEqual([
      { sourceStart: 1_000, sourceEnd: 2_000, lessonStart: 0, lessonEnd: 1_000 },
      { sourceStart: 2_000, sourceEnd: 4_000, lessonStart: 1_000, lessonEnd: 3_000 },
      { sourceStart: 5_000, sourceEnd: 7_000, lessonStart: 3_000, lessonEnd: 5_000 },
      { sourceStart: 7_000, sourceEnd: 9_000, lessonStart: 5_000, lessonEnd: 7_000 },
    ]);
    expect(segmentAt(list, 6_999)?.sourceStart).toBe(5_000);
    expect(segmentAt(list, 4_500)).toBeUndefined();
  });

  it('tile the lesson end to end, each inside one kept range and as long in both clocks', () => {
    fc.assert(
      fc.property(editListArb(), (list) => {
        const all = segments(list);
        const ranges = keptRanges(list);
        let lessonMs = 0;
        for (const segment of all) {
          expect(segment.lessonStart).toBe(lessonMs);
          expect(segment.lessonEnd - segment.lessonStart).toBe(segment.sourceEnd - segment.sourceStart);
          expect(segment.sourceEnd).toBeGreaterThan(segment.sourceStart);
          expect(ranges.some((r) => r.start <= segment.sourceStart && segment.sourceEnd <= r.end)).toBe(true);
          lessonMs = segment.lessonEnd;
        }
        expect(lessonMs).toBe(lessonDuration(list));
        const innerSplits = new Set(list.splits.filter((at) => ranges.some((r) => r.start < at && at < r.end)));
        expect(all.length).toBe(ranges.length + innerSplits.size);
      }),
    );
  });
});
