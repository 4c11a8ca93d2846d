import { describe, expect, it } from 'vitest';
import { deepFreeze } from './arbitraries.testkit';
import { EditRefusedError, normalizeEditList, type EditList } from './editList';
import { cutSegment, describeCutSegment } from './cutSegment';
import { restoreCut } from './restoreCut';
import { segments } from './segments';

const list: EditList = deepFreeze({
  sourceDuration: 10_000,
  trimStart: 0,
  trimEnd: 10_000,
  cuts: [],
  splits: [3_000, 6_000],
});

describe('cutSegment', () => {
  it('cuts the segment playing at a time, and restoring brings it back whole', () => {
    const cut = cutSegment(list, { at: 4_000 });
    expect(cut.cuts).toEqual([{ start: 3_000, end: 6_000 }]);
    expect(segments(cut).map((s) => [s.sourceStart, s.sourceEnd])).toEqual([
      [0, 3_000],
      [6_000, 10_000],
    ]);
    expect(restoreCut(cut, { at: 4_000 })).toEqual(list);
  });

  it('changes nothing where nothing plays', () => {
    const cut = cutSegment(list, { at: 4_000 });
    expect(cutSegment(cut, { at: 4_000 })).toEqual(normalizeEditList(cut));
  });

  it('refuses to cut the only segment', () => {
    expect(() => cutSegment({ ...list, splits: [] }, { at: 10 })).toThrow(EditRefusedError);
  });

  it('labels the segment', () => {
    expect(describeCutSegment(list, { at: 4_000 })).toBe('Cut segment 0:03.0–0:06.0');
  });
});
