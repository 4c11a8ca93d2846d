import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { deepFreeze, editListArb, playsBrute } from './arbitraries.testkit';
import { EditRefusedError, keptRanges, lessonDuration, normalizeEditList, type EditList } from './editList';
import { cutRange, describeCutRange } from './cutRange';
import { restoreCut } from './restoreCut';

const list: EditList = deepFreeze({
  sourceDuration: 10_000,
  trimStart: 1_000,
  trimEnd: 9_000,
  cuts: [{ start: 4_000, end: 5_000 }],
  splits: [],
});

describe('cutRange', () => {
  it('adds a cut and leaves its (frozen) input alone', () => {
    expect(cutRange(list, { start: 6_000, end: 7_000 }).cuts).toEqual([
      { start: 4_000, end: 5_000 },
      { start: 6_000, end: 7_000 },
    ]);
    expect(list.cuts).toEqual([{ start: 4_000, end: 5_000 }]);
  });

  it('accepts the ends in either order', () => {
    expect(cutRange(list, { start: 7_000, end: 6_000 })).toEqual(cutRange(list, { start: 6_000, end: 7_000 }));
  });

  it('merges with a cut it touches or overlaps', () => {
    expect(cutRange(list, { start: 5_000, end: 6_000 }).cuts).toEqual([{ start: 4_000, end: 6_000 }]);
    expect(cutRange(list, { start: 3_000, end: 4_500 }).cuts).toEqual([{ start: 3_000, end: 5_000 }]);
  });

  it('keeps a cut touching the trim edges as a cut, clipped to the trim', () => {
    expect(cutRange(list, { start: 1_000, end: 2_000 }).cuts[0]).toEqual({ start: 1_000, end: 2_000 });
    expect(cutRange(list, { start: 0, end: 2_000 }).cuts[0]).toEqual({ start: 1_000, end: 2_000 });
    expect(cutRange(list, { start: 8_000, end: 10_000 }).cuts.at(-1)).toEqual({ start: 8_000, end: 9_000 });
  });

  it('changes nothing for an empty cut or one entirely in the trimmed part', () => {
    expect(cutRange(list, { start: 6_000, end: 6_000 })).toEqual(normalizeEditList(list));
    expect(cutRange(list, { start: 0, end: 1_000 })).toEqual(normalizeEditList(list));
  });

  it('refuses to cut everything that plays', () => {
    expect(() => cutRange(list, { start: 0, end: 10_000 })).toThrow(
      new EditRefusedError('That would remove the whole lesson'),
    );
    // Only the two kept stretches, each touching the existing cut.
    const once = cutRange(list, { start: 1_000, end: 4_000 });
    expect(() => cutRange(once, { start: 5_000, end: 9_000 })).toThrow(EditRefusedError);
  });

  it('labels the cut in source time', () => {
    expect(describeCutRange(list, { start: 12_345, end: 15_000 })).toBe('Cut 0:12.3–0:15.0');
    expect(describeCutRange(list, { start: 15_000, end: 12_345 })).toBe('Cut 0:12.3–0:15.0');
  });

  it('removes exactly the range and nothing else', () => {
    fc.assert(
      fc.property(editListArb(), fc.nat(), fc.nat(), (l, a, b) => {
        const start = a % (l.sourceDuration + 1);
        const end = b % (l.sourceDuration + 1);
        let cut: EditList;
        try {
          cut = cutRange(l, { start, end });
        } catch (error) {
          expect(error).toBeInstanceOf(EditRefusedError);
          return;
        }
        const [low, high] = [Math.min(start, end), Math.max(start, end)];
        for (let t = 0; t <= l.sourceDuration; t += 1)
          expect(playsBrute(cut, t)).toBe(playsBrute(l, t) && !(low <= t && t < high));
      }),
    );
  });

  it('then restoring the same range gives back the original list', () => {
    const keptSubrange = editListArb()
      .map(normalizeEditList)
      .filter((l) => lessonDuration(l) > 0)
      .chain((l) => {
        const ranges = keptRanges(l);
        return fc
          .tuple(fc.constant(l), fc.integer({ min: 0, max: ranges.length - 1 }), fc.nat(), fc.nat())
          .map(([original, index, x, y]) => {
            const range = ranges[index]!;
            const span = range.end - range.start + 1;
            const [p, q] = [range.start + (x % span), range.start + (y % span)];
            return { original, start: Math.min(p, q), end: Math.max(p, q) };
          });
      });
    fc.assert(
      fc.property(keptSubrange, ({ original, start, end }) => {
        fc.pre(end - start < lessonDuration(original));
        expect(restoreCut(cutRange(original, { start, end }), { start, end })).toEqual(original);
      }),
    );
  });
});
