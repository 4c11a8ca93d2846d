import { describe, expect, it } from 'vitest';
import { deepFreeze } from './arbitraries.testkit';
import { EditRefusedError, type EditList } from './editList';
import { describeSetTrimEnd, setTrimEnd } from './trimEnd';

const list: EditList = deepFreeze({
  sourceDuration: 10_000,
  trimStart: 1_000,
  trimEnd: 9_000,
  cuts: [{ start: 6_000, end: 7_000 }],
  splits: [2_000, 8_000],
});

describe('setTrimEnd', () => {
  it('moves the end', () => {
    expect(setTrimEnd(list, { at: 9_500 })).toEqual({ ...list, trimEnd: 9_500 });
  });

  it('clamps after the trim start and at the end of the take', () => {
    expect(setTrimEnd(list, { at: 20_000 }).trimEnd).toBe(10_000);
    expect(setTrimEnd(list, { at: 0 }).trimEnd).toBe(1_001);
  });

  it('drops a cut it passes and clips one it lands in, with the splits it passes', () => {
    expect(setTrimEnd(list, { at: 5_000 })).toEqual({ ...list, trimEnd: 5_000, cuts: [], splits: [2_000] });
    expect(setTrimEnd(list, { at: 6_500 }).cuts).toEqual([{ start: 6_000, end: 6_500 }]);
  });

  it('refuses when nothing would be left to play', () => {
    const head = { ...list, cuts: [{ start: 1_000, end: 5_000 }] };
    expect(() => setTrimEnd(head, { at: 4_000 })).toThrow(new EditRefusedError('That would remove the whole lesson'));
  });

  it('labels the clamped time', () => {
    expect(describeSetTrimEnd(list, { at: 75_250 })).toBe('Trim end to 0:10.0');
    expect(describeSetTrimEnd(list, { at: 8_000 })).toBe('Trim end to 0:08.0');
  });
});
