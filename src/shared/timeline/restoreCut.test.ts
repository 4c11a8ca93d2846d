import { describe, expect, it } from 'vitest';
import { deepFreeze } from './arbitraries.testkit';
import { normalizeEditList, type EditList } from './editList';
import { cutAt, describeRestoreCut, restoreCut } from './restoreCut';

const list: EditList = deepFreeze({
  sourceDuration: 10_000,
  trimStart: 0,
  trimEnd: 10_000,
  cuts: [
    { start: 2_000, end: 3_000 },
    { start: 5_000, end: 8_000 },
  ],
  splits: [],
});

describe('restoreCut', () => {
  it('restores the whole cut at a source time, including either edge', () => {
    const expected = [{ start: 2_000, end: 3_000 }];
    expect(restoreCut(list, { at: 6_000 }).cuts).toEqual(expected);
    expect(restoreCut(list, { at: 5_000 }).cuts).toEqual(expected);
    expect(restoreCut(list, { at: 8_000 }).cuts).toEqual(expected);
  });

  it('restores just a range, splitting a cut it falls inside', () => {
    expect(restoreCut(list, { start: 6_000, end: 7_000 }).cuts).toEqual([
      { start: 2_000, end: 3_000 },
      { start: 5_000, end: 6_000 },
      { start: 7_000, end: 8_000 },
    ]);
    expect(restoreCut(list, { start: 9_000, end: 1_000 }).cuts).toEqual([]);
  });

  it('is a no-op where nothing is cut', () => {
    expect(restoreCut(list, { at: 4_000 })).toEqual(normalizeEditList(list));
    expect(restoreCut(list, { start: 3_000, end: 5_000 })).toEqual(normalizeEditList(list));
    expect(restoreCut({ ...list, cuts: [] }, { at: 2_500 })).toEqual({ ...list, cuts: [] });
  });

  it('finds the cut at a time', () => {
    expect(cutAt(list, 2_500)).toEqual({ start: 2_000, end: 3_000 });
    expect(cutAt(list, 4_000)).toBeUndefined();
  });

  it('labels what comes back', () => {
    expect(describeRestoreCut(list, { at: 6_000 })).toBe('Restore 0:05.0–0:08.0');
    expect(describeRestoreCut(list, { start: 6_000, end: 7_000 })).toBe('Restore 0:06.0–0:07.0');
    expect(describeRestoreCut(list, { at: 4_000 })).toBe('Restore cut');
  });
});
