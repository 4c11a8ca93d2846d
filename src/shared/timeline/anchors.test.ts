import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { editListArb, playedBeforeBrute, playsBrute } from './arbitraries.testkit';
import { placeAnchors, placeCallouts } from './anchors';
import { cutRange } from './cutRange';
import type { EditList } from './editList';
import { restoreCut } from './restoreCut';

// Plays 1000–3000 and 5000–8000: lesson 0–2000 then 2000–5000.
const list: EditList = {
  sourceDuration: 10_000,
  trimStart: 1_000,
  trimEnd: 8_000,
  cuts: [{ start: 3_000, end: 5_000 }],
  splits: [],
};

describe('placeAnchors', () => {
  it('gives kept anchors their lesson time and flags removed ones where the gap is, keeping their own fields', () => {
    const anchors = [
      { id: 'a', sourceMs: 2_000, label: 'Intro' },
      { id: 'b', sourceMs: 500, label: 'Trimmed' },
      { id: 'c', sourceMs: 4_000, label: 'Cut' },
      { id: 'd', sourceMs: 9_000, label: 'Trimmed end' },
      { id: 'e', sourceMs: 5_000, label: 'Just after the cut' },
    ];
    expect(placeAnchors(list, anchors)).toEqual([
      { id: 'a', sourceMs: 2_000, label: 'Intro', removed: false, lessonMs: 1_000 },
      { id: 'b', sourceMs: 500, label: 'Trimmed', removed: true, lessonMs: 0 },
      { id: 'c', sourceMs: 4_000, label: 'Cut', removed: true, lessonMs: 2_000 },
      { id: 'd', sourceMs: 9_000, label: 'Trimmed end', removed: true, lessonMs: 5_000 },
      { id: 'e', sourceMs: 5_000, label: 'Just after the cut', removed: false, lessonMs: 2_000 },
    ]);
  });

  it('never drops an anchor, and restoring the cut brings it back', () => {
    const checkpoint = [{ id: 'q1', sourceMs: 6_500 }];
    const cut = cutRange(list, { start: 6_000, end: 7_000 });
    expect(placeAnchors(cut, checkpoint)).toEqual([{ id: 'q1', sourceMs: 6_500, removed: true, lessonMs: 3_000 }]);
    expect(placeAnchors(restoreCut(cut, { at: 6_500 }), checkpoint)).toEqual([
      { id: 'q1', sourceMs: 6_500, removed: false, lessonMs: 3_500 },
    ]);
  });

  it('agrees with the definition for any anchor', () => {
    fc.assert(
      fc.property(editListArb(), fc.array(fc.nat(), { maxLength: 5 }), (l, times) => {
        const anchors = times.map((t, i) => ({ id: String(i), sourceMs: t % (l.sourceDuration + 1) }));
        const placed = placeAnchors(l, anchors);
        expect(placed).toHaveLength(anchors.length);
        placed.forEach((p) => {
          expect(p.removed).toBe(!playsBrute(l, p.sourceMs));
          expect(p.lessonMs).toBe(playedBeforeBrute(l, p.sourceMs));
        });
      }),
    );
  });
});

describe('placeCallouts', () => {
  const at = (sourceStart: number, sourceEnd: number) => ({ id: `${sourceStart}`, sourceStart, sourceEnd });

  it('maps a wholly kept callout as it is', () => {
    expect(placeCallouts(list, [at(1_500, 2_500)])[0]).toMatchObject({
      removed: false,
      clipped: false,
      lessonStart: 500,
      lessonEnd: 1_500,
    });
  });

  it('maps a callout across a cut to the part that plays, and says it was clipped', () => {
    expect(placeCallouts(list, [at(2_500, 6_000)])[0]).toMatchObject({
      removed: false,
      clipped: true,
      lessonStart: 1_500,
      lessonEnd: 3_000,
    });
    expect(placeCallouts(list, [at(0, 1_500)])[0]).toMatchObject({
      removed: false,
      clipped: true,
      lessonStart: 0,
      lessonEnd: 500,
    });
    expect(placeCallouts(list, [at(7_000, 9_500)])[0]).toMatchObject({
      removed: false,
      clipped: true,
      lessonStart: 4_000,
      lessonEnd: 5_000,
    });
  });

  it('flags a callout none of which plays, at the gap', () => {
    expect(placeCallouts(list, [at(3_000, 5_000)])[0]).toMatchObject({
      removed: true,
      clipped: false,
      lessonStart: 2_000,
      lessonEnd: 2_000,
    });
    expect(placeCallouts(list, [at(8_000, 10_000)])[0]).toMatchObject({
      removed: true,
      lessonStart: 5_000,
      lessonEnd: 5_000,
    });
  });

  it('its lesson range is as long as the part of it that plays', () => {
    fc.assert(
      fc.property(editListArb(), fc.nat(), fc.nat(), (l, x, y) => {
        const [a, b] = [x % (l.sourceDuration + 1), y % (l.sourceDuration + 1)];
        fc.pre(a !== b);
        const callout = at(Math.min(a, b), Math.max(a, b));
        const [placed] = placeCallouts(l, [callout]);
        let plays = 0;
        for (let t = callout.sourceStart; t < callout.sourceEnd; t += 1) if (playsBrute(l, t)) plays += 1;
        expect(placed!.lessonEnd - placed!.lessonStart).toBe(plays);
        expect(placed!.removed).toBe(plays === 0);
        expect(placed!.clipped).toBe(plays > 0 && plays < callout.sourceEnd - callout.sourceStart);
      }),
    );
  });
});
