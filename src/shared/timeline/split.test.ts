import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { deepFreeze, editListArb } from './arbitraries.testkit';
import { lessonDuration, normalizeEditList, type EditList } from './editList';
import { describeRemoveSplit, describeSplitAt, removeSplit, splitAt } from './split';

const list: EditList = deepFreeze({
  sourceDuration: 10_000,
  trimStart: 1_000,
  trimEnd: 9_000,
  cuts: [{ start: 4_000, end: 5_000 }],
  splits: [],
});

describe('splitAt', () => {
  it('adds a split where media plays, in order', () => {
    expect(splitAt(splitAt(list, { at: 7_000 }), { at: 2_000 }).splits).toEqual([2_000, 7_000]);
  });

  it('changes nothing where nothing plays, on a segment edge, or on an existing split', () => {
    const unchanged = normalizeEditList(list);
    for (const at of [500, 1_000, 4_000, 4_500, 5_000, 9_000, 9_500]) expect(splitAt(list, { at })).toEqual(unchanged);
    const once = splitAt(list, { at: 2_000 });
    expect(splitAt(once, { at: 2_000 })).toEqual(once);
  });

  it('then removing the split gives back the original list', () => {
    fc.assert(
      fc.property(editListArb().map(normalizeEditList), fc.nat(), (l, seed) => {
        const at = seed % (l.sourceDuration + 1);
        fc.pre(!l.splits.includes(at) && lessonDuration(l) > 0);
        expect(removeSplit(splitAt(l, { at }), { at })).toEqual(l);
      }),
    );
  });

  it('labels split and join', () => {
    expect(describeSplitAt(list, { at: 2_000 })).toBe('Split at 0:02.0');
    expect(describeRemoveSplit(list, { at: 2_000 })).toBe('Join at 0:02.0');
  });
});

describe('removeSplit', () => {
  it('removes only that split, and is a no-op for one that is not there', () => {
    const split = { ...list, splits: [2_000, 3_000] };
    expect(removeSplit(split, { at: 2_000 }).splits).toEqual([3_000]);
    expect(removeSplit(split, { at: 2_500 })).toEqual(split);
  });
});
