import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { editListArb, playsBrute } from './arbitraries.testkit';
import {
  editListSchema,
  finishEdit,
  fullEditList,
  keptRanges,
  lessonDuration,
  normalizeEditList,
  type EditList,
} from './editList';

const base: EditList = { sourceDuration: 10_000, trimStart: 1_000, trimEnd: 9_000, cuts: [], splits: [] };

describe('editListSchema', () => {
  it('accepts a valid list and defaults splits to none', () => {
    const parsed = editListSchema.parse({
      sourceDuration: 5_000,
      trimStart: 0,
      trimEnd: 5_000,
      cuts: [{ start: 10, end: 20 }],
    });
    expect(parsed.splits).toEqual([]);
  });

  it.each([
    ['a start after the end', { ...base, trimStart: 9_000, trimEnd: 1_000 }],
    ['an empty trim', { ...base, trimStart: 4_000, trimEnd: 4_000 }],
    ['an end past the recording', { ...base, trimEnd: 10_001 }],
    ['an empty take', { ...base, sourceDuration: 0, trimStart: 0, trimEnd: 0 }],
    ['a cut that ends before it starts', { ...base, cuts: [{ start: 500, end: 500 }] }],
    ['fractional times', { ...base, trimStart: 1.5 }],
    ['negative times', { ...base, cuts: [{ start: -5, end: 10 }] }],
  ])('refuses %s', (_name, input) => {
    expect(editListSchema.safeParse(input).success).toBe(false);
  });
});

describe('normalizeEditList', () => {
  it('clips, drops, sorts and merges overlapping and touching cuts', () => {
    const list = {
      ...base,
      cuts: [
        { start: 7_000, end: 9_500 },
        { start: 3_000, end: 4_000 },
        { start: 0, end: 500 },
        { start: 4_000, end: 4_500 },
        { start: 3_500, end: 3_600 },
        { start: 500, end: 1_200 },
      ],
      splits: [8_000, 2_000, 2_000, 500, 9_000],
    };
    expect(normalizeEditList(list)).toEqual({
      ...base,
      cuts: [
        { start: 1_000, end: 1_200 },
        { start: 3_000, end: 4_500 },
        { start: 7_000, end: 9_000 },
      ],
      splits: [2_000, 8_000],
    });
  });

  it('never changes its input', () => {
    const list = {
      ...base,
      cuts: [
        { start: 5_000, end: 6_000 },
        { start: 2_000, end: 3_000 },
      ],
      splits: [4_000, 1_500],
    };
    const copy = structuredClone(list);
    normalizeEditList(list);
    expect(list).toEqual(copy);
  });

  it('is idempotent', () => {
    fc.assert(
      fc.property(editListArb(), (list) => {
        expect(normalizeEditList(normalizeEditList(list))).toEqual(normalizeEditList(list));
      }),
    );
  });

  it('leaves no two cuts touching or overlapping, and every cut inside the trim', () => {
    fc.assert(
      fc.property(editListArb(), (list) => {
        const { cuts, trimStart, trimEnd } = normalizeEditList(list);
        for (const cut of cuts) expect(trimStart <= cut.start && cut.start < cut.end && cut.end <= trimEnd).toBe(true);
        cuts.slice(1).forEach((cut, index) => expect(cuts[index]!.end).toBeLessThan(cut.start));
      }),
    );
  });

  it('keeps exactly the same milliseconds playing, and gives a list the schema accepts', () => {
    fc.assert(
      fc.property(editListArb(), (list) => {
        const normal = normalizeEditList(list);
        for (let t = 0; t <= list.sourceDuration; t += 1) expect(playsBrute(normal, t)).toBe(playsBrute(list, t));
        expect(editListSchema.parse(normal)).toEqual(normal);
      }),
    );
  });
});

describe('keptRanges and lessonDuration', () => {
  it('lists what plays between the cuts', () => {
    const list = {
      ...base,
      cuts: [
        { start: 1_000, end: 2_000 },
        { start: 4_000, end: 5_000 },
      ],
    };
    expect(keptRanges(list)).toEqual([
      { start: 2_000, end: 4_000 },
      { start: 5_000, end: 9_000 },
    ]);
    expect(lessonDuration(list)).toBe(6_000);
    expect(lessonDuration(fullEditList(1_234))).toBe(1_234);
  });

  it('duration is the sum of the kept ranges, which are ordered, apart, and exactly what plays', () => {
    fc.assert(
      fc.property(editListArb(), (list) => {
        const ranges = keptRanges(list);
        expect(lessonDuration(list)).toBe(ranges.reduce((sum, r) => sum + r.end - r.start, 0));
        ranges.slice(1).forEach((range, index) => expect(ranges[index]!.end).toBeLessThan(range.start));
        let plays = 0;
        for (let t = 0; t < list.sourceDuration; t += 1) if (playsBrute(list, t)) plays += 1;
        expect(lessonDuration(list)).toBe(plays);
      }),
    );
  });
});

describe('finishEdit', () => {
  it('refuses a list with nothing left to play, in words a teacher can read', () => {
    expect(() => finishEdit({ ...base, cuts: [{ start: 0, end: 10_000 }] })).toThrow(
      'That would remove the whole lesson',
    );
  });
});
