import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { editListArb, playedBeforeBrute, playsBrute } from './arbitraries.testkit';
import { lessonDuration, type EditList } from './editList';
import { createLessonMap, lessonToSource, sourceToLesson } from './mapping';

// Plays 1000–3000 and 5000–8000 of a 10 s take: lesson 0–2000 then 2000–5000.
const list: EditList = {
  sourceDuration: 10_000,
  trimStart: 1_000,
  trimEnd: 8_000,
  cuts: [{ start: 3_000, end: 5_000 }],
  splits: [],
};

const withTime = (maxDuration?: number) =>
  editListArb(maxDuration).chain((l) => fc.tuple(fc.constant(l), fc.integer({ min: 0, max: l.sourceDuration })));

describe('sourceToLesson', () => {
  it('maps kept times by the kept time before them', () => {
    expect(sourceToLesson(list, 1_000)).toEqual({ kind: 'kept', lessonMs: 0 });
    expect(sourceToLesson(list, 2_999)).toEqual({ kind: 'kept', lessonMs: 1_999 });
    expect(sourceToLesson(list, 5_000)).toEqual({ kind: 'kept', lessonMs: 2_000 });
    expect(sourceToLesson(list, 7_999)).toEqual({ kind: 'kept', lessonMs: 4_999 });
  });

  it('maps removed times to where their removed range begins in the lesson', () => {
    expect(sourceToLesson(list, 0)).toEqual({ kind: 'removed', lessonMs: 0 });
    expect(sourceToLesson(list, 3_000)).toEqual({ kind: 'removed', lessonMs: 2_000 });
    expect(sourceToLesson(list, 4_999)).toEqual({ kind: 'removed', lessonMs: 2_000 });
    expect(sourceToLesson(list, 8_000)).toEqual({ kind: 'removed', lessonMs: 5_000 });
    expect(sourceToLesson(list, 10_000)).toEqual({ kind: 'removed', lessonMs: 5_000 });
  });

  it('agrees with the definition: kept when it plays, at the count of played milliseconds before it', () => {
    fc.assert(
      fc.property(withTime(), ([l, t]) => {
        expect(sourceToLesson(l, t)).toEqual({
          kind: playsBrute(l, t) ? 'kept' : 'removed',
          lessonMs: playedBeforeBrute(l, t),
        });
      }),
    );
  });

  it('never goes backwards as source time goes forwards, and strictly advances over kept times', () => {
    fc.assert(
      fc.property(withTime(), fc.nat(), ([l, a], gap) => {
        const b = Math.min(a + 1 + (gap % 50), l.sourceDuration);
        const first = sourceToLesson(l, a);
        const second = sourceToLesson(l, b);
        expect(second.lessonMs).toBeGreaterThanOrEqual(first.lessonMs);
        if (a < b && first.kind === 'kept' && second.kind === 'kept')
          expect(second.lessonMs).toBeGreaterThan(first.lessonMs);
      }),
    );
  });
});

describe('lessonToSource', () => {
  it('maps a cut boundary to the source time just after the cut', () => {
    expect(lessonToSource(list, 0)).toBe(1_000);
    expect(lessonToSource(list, 1_999)).toBe(2_999);
    expect(lessonToSource(list, 2_000)).toBe(5_000);
    expect(lessonToSource(list, 5_000)).toBe(8_000);
  });

  it('clamps to the lesson', () => {
    expect(lessonToSource(list, -300)).toBe(1_000);
    expect(lessonToSource(list, 99_999)).toBe(8_000);
  });

  it('round-trips every kept source time', () => {
    fc.assert(
      fc.property(withTime(), ([l, t]) => {
        const position = sourceToLesson(l, t);
        if (position.kind === 'kept') expect(lessonToSource(l, position.lessonMs)).toBe(t);
      }),
    );
  });

  it('lands on a kept time for every lesson time before the end, which maps back to itself', () => {
    fc.assert(
      fc.property(editListArb(), fc.nat(), (l, seed) => {
        const duration = lessonDuration(l);
        fc.pre(duration > 0);
        const lessonMs = seed % duration;
        expect(sourceToLesson(l, lessonToSource(l, lessonMs))).toEqual({ kind: 'kept', lessonMs });
      }),
    );
  });
});

describe('createLessonMap', () => {
  it('gives the same answers as the one-off functions, with the duration', () => {
    const map = createLessonMap(list);
    expect(map.duration).toBe(5_000);
    expect(map.spans).toEqual([
      { sourceStart: 1_000, sourceEnd: 3_000, lessonStart: 0 },
      { sourceStart: 5_000, sourceEnd: 8_000, lessonStart: 2_000 },
    ]);
    expect(map.sourceToLesson(6_000)).toEqual(sourceToLesson(list, 6_000));
    expect(map.lessonToSource(2_500)).toBe(lessonToSource(list, 2_500));
  });
});
