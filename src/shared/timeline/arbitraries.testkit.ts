// Test-only: fast-check generators and a brute-force oracle the properties check the real functions against.
import fc from 'fast-check';
import type { EditList, ReadonlyEditList } from './editList';

/** Any valid edit list, cuts and splits anywhere (even outside the trim), kept short so cuts often collide. */
export function editListArb(maxDuration = 600): fc.Arbitrary<EditList> {
  return fc
    .integer({ min: 1, max: maxDuration })
    .chain((sourceDuration) => {
      const time = fc.integer({ min: 0, max: sourceDuration });
      const cut = fc
        .tuple(
          fc.integer({ min: 0, max: sourceDuration - 1 }),
          fc.integer({ min: 1, max: Math.max(1, Math.ceil(sourceDuration / 4)) }),
        )
        .map(([start, length]) => ({ start, end: start + length }));
      return fc.record({
        sourceDuration: fc.constant(sourceDuration),
        trim: fc.tuple(time, time).filter(([a, b]) => a !== b),
        cuts: fc.array(cut, { maxLength: 8 }),
        splits: fc.array(time, { maxLength: 6 }),
      });
    })
    .map(({ sourceDuration, trim: [a, b], cuts, splits }) => ({
      sourceDuration,
      trimStart: Math.min(a, b),
      trimEnd: Math.max(a, b),
      cuts,
      splits,
    }));
}

/** Whether source millisecond `t` plays, straight from the definition. */
export function playsBrute(list: ReadonlyEditList, t: number): boolean {
  return list.trimStart <= t && t < list.trimEnd && !list.cuts.some((cut) => cut.start <= t && t < cut.end);
}

/** How many source milliseconds before `t` play: the lesson time of `t`, straight from the definition. */
export function playedBeforeBrute(list: ReadonlyEditList, t: number): number {
  let count = 0;
  for (let ms = 0; ms < t; ms += 1) if (playsBrute(list, ms)) count += 1;
  return count;
}

export function deepFreeze<T>(value: T): T {
  if (value && typeof value === 'object') {
    for (const inner of Object.values(value)) deepFreeze(inner);
    Object.freeze(value);
  }
  return value;
}
