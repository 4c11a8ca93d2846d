import { describe, expect, it } from 'vitest';
import { deepFreeze } from './arbitraries.testkit';
import { EditRefusedError, type EditList } from './editList';
import { describeSetTrimStart, setTrimStart } from './trimStart';

const list: EditList = deepFreeze({
  sourceDuration: 10_000,
  trimStart: 1_000,
  trimEnd: 9_000,
  cuts: [{ start: 3_000, end: 4_000 }],
  splits: [2_000, 6_000],
});

describe('setTrimStart', () => {
  it('moves the start', () => {
    expect(setTrimStart(list, { at: 500 })).toEqual({ ...list, trimStart: 500 });
  });

  it('clamps before the take and after the trim end', () => {
    expect(setTrimStart(list, { at: -200 }).trimStart).toBe(0);
    expect(setTrimStart(list, { at: 12_000 }).trimStart).toBe(8_999);
    expect(setTrimStart(list, { at: 700.6 }).trimStart).toBe(701);
  });

  it('drops a cut it passes and clips one it lands in, with the splits it passes', () => {
    expect(setTrimStart(list, { at: 5_000 })).toEqual({ ...list, trimStart: 5_000, cuts: [], splits: [6_000] });
    expect(setTrimStart(list, { at: 3_500 }).cuts).toEqual([{ start: 3_500, end: 4_000 }]);
  });

  it('refuses when nothing would be left to play', () => {
    const tail = { ...list, cuts: [{ start: 5_000, end: 9_000 }] };
    expect(() => setTrimStart(tail, { at: 6_000 })).toThrow(EditRefusedError);
    expect(() => setTrimStart(tail, { at: 6_000 })).toThrow('That would remove the whole lesson');
  });

  it('labels the clamped time', () => {
    expect(describeSetTrimStart(list, { at: 2_500 })).toBe('Trim start to 0:02.5');
    expect(describeSetTrimStart(list, { at: -5 })).toBe('Trim start to 0:00.0');
  });
});
