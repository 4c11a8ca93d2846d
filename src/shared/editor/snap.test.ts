import { describe, expect, it } from 'vitest';
import { snapTo } from './snap';

describe('snapTo', () => {
  it('snaps to the nearest target within the threshold', () => {
    expect(snapTo(1_040, [1_000, 1_100, 5_000], 80)).toEqual({ value: 1_000, snapped: true });
    expect(snapTo(1_060, [1_000, 1_100], 80)).toEqual({ value: 1_100, snapped: true });
  });

  it('leaves a value far from every target alone', () => {
    expect(snapTo(3_000, [1_000, 5_000], 80)).toEqual({ value: 3_000, snapped: false });
    expect(snapTo(3_000, [], 80)).toEqual({ value: 3_000, snapped: false });
  });
});
