import { describe, expect, it } from 'vitest';
import type { EditList } from '../timeline';
import { calloutsOnPicture } from './calloutsOnPicture';

// Plays 1000–3000 and 5000–8000 of the take.
const list: EditList = {
  sourceDuration: 10_000,
  trimStart: 1_000,
  trimEnd: 8_000,
  cuts: [{ start: 3_000, end: 5_000 }],
  splits: [],
};
const inCut = { id: 'in-cut', sourceStart: 3_200, sourceEnd: 4_800 };
const partly = { id: 'partly', sourceStart: 2_000, sourceEnd: 4_000 };
const kept = { id: 'kept', sourceStart: 6_000, sourceEnd: 7_000 };
const trimmed = { id: 'trimmed', sourceStart: 8_500, sourceEnd: 9_500 };
const callouts = [inCut, partly, kept, trimmed];
const ids = (sourceMs: number, selected: string | null) =>
  calloutsOnPicture(list, callouts, sourceMs, selected).map((callout) => callout.id);

describe('calloutsOnPicture', () => {
  it('draws the callouts playing at the playhead', () => {
    expect(ids(2_500, null)).toEqual(['partly']);
    expect(ids(6_500, null)).toEqual(['kept']);
    expect(ids(5_500, null)).toEqual([]);
  });

  it('draws the selected callout wherever the playhead is, so it can be placed', () => {
    expect(ids(1_500, 'kept')).toEqual(['kept']);
    expect(ids(6_500, 'partly')).toEqual(['partly', 'kept']);
  });

  it('never draws a callout wholly inside a cut or the trim, even selected, as learners never see it', () => {
    expect(ids(1_500, 'in-cut')).toEqual([]);
    expect(ids(4_000, 'in-cut')).toEqual([]);
    expect(ids(9_000, 'trimmed')).toEqual([]);
  });

  it('draws it again once the cut is restored', () => {
    const restored = { ...list, cuts: [] };
    expect(calloutsOnPicture(restored, callouts, 1_500, 'in-cut').map((callout) => callout.id)).toEqual(['in-cut']);
  });
});
