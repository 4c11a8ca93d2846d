import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { mergeRanges, type TimeRange } from '../timeline/ranges';
import {
  addWatched,
  attemptsLeft,
  canAttempt,
  canStillScore,
  freshState,
  MAX_TICK_MS,
  recordAttempt,
  recordPlayback,
  recordSkip,
  setPlaybackRate,
  watchedMs,
} from './learnerState';
import { scoreAnswer } from './scoring';
import { checkpoint, rules } from './testFixtures';

const rangeArb = fc
  .tuple(fc.nat(100_000), fc.nat(5_000))
  .map(([start, length]): TimeRange => ({ start, end: start + length }));
const covers = (ranges: readonly TimeRange[], t: number) => ranges.some((range) => range.start <= t && t < range.end);

describe('watched ranges', () => {
  it('merging is idempotent', () => {
    fc.assert(
      fc.property(fc.array(rangeArb), (ranges) => {
        const once = mergeRanges(ranges);
        expect(mergeRanges(once)).toEqual(once);
        expect(addWatched(once, once[0] ?? { start: 0, end: 0 })).toEqual(once);
      }),
    );
  });

  it('merging is monotone: adding a range never loses watched time and covers what it covered', () => {
    fc.assert(
      fc.property(fc.array(rangeArb), rangeArb, fc.nat(110_000), (ranges, extra, probe) => {
        const before = mergeRanges(ranges);
        const after = addWatched(before, extra);
        expect(watchedMs(after)).toBeGreaterThanOrEqual(watchedMs(before));
        expect(watchedMs(after)).toBeLessThanOrEqual(watchedMs(before) + extra.end - extra.start);
        if (covers(before, probe) || covers([extra], probe)) expect(covers(after, probe)).toBe(true);
        else expect(covers(after, probe)).toBe(false);
      }),
    );
  });

  it('merged ranges are sorted and neither overlap nor touch, in any order of adding', () => {
    fc.assert(
      fc.property(fc.array(rangeArb), (ranges) => {
        const merged = ranges.reduce<TimeRange[]>(addWatched, []);
        expect(merged).toEqual(mergeRanges([...ranges].reverse()));
        merged.slice(1).forEach((range, i) => expect(range.start).toBeGreaterThan(merged[i]!.end));
      }),
    );
  });
});

describe('recordPlayback', () => {
  it('counts ticks as watched, and a jump as a seek that earns nothing', () => {
    let state = recordPlayback(freshState(), 0, 250);
    state = recordPlayback(state, 250, 500);
    expect(state).toMatchObject({ positionMs: 500, furthestMs: 500, watched: [{ start: 0, end: 500 }] });
    state = recordPlayback(state, 500, 500 + MAX_TICK_MS + 1);
    expect(state).toMatchObject({ positionMs: 5_501, furthestMs: 500, watched: [{ start: 0, end: 500 }] });
    state = recordPlayback(state, 5_501, 100);
    expect(state).toMatchObject({ positionMs: 100, furthestMs: 500 });
  });
});

describe('attempts', () => {
  const q = checkpoint({ type: 'trueFalse', answer: true, attemptsAllowed: 2, points: 3 });
  const wrong = { type: 'trueFalse', value: false } as const;
  const right = { type: 'trueFalse', value: true } as const;

  it('counts attempts, keeps the latest response and the best score, and stops when right or out of attempts', () => {
    let state = recordAttempt(freshState(), q, wrong, scoreAnswer(q, wrong));
    expect(state.attempts[q.id]).toEqual({ count: 1, response: wrong, correct: false, score: 0, skipped: false });
    expect(attemptsLeft(state, q)).toBe(1);
    state = recordAttempt(state, q, right, scoreAnswer(q, right));
    expect(state.attempts[q.id]).toEqual({ count: 2, response: right, correct: true, score: 3, skipped: false });
    expect(canAttempt(state, q)).toBe(false);
    expect(recordAttempt(state, q, wrong, scoreAnswer(q, wrong))).toBe(state);

    const outOfTries = recordAttempt(
      recordAttempt(freshState(), q, wrong, scoreAnswer(q, wrong)),
      q,
      wrong,
      scoreAnswer(q, wrong),
    );
    expect(attemptsLeft(outOfTries, q)).toBe(0);
    expect(recordAttempt(outOfTries, q, right, scoreAnswer(q, right))).toBe(outOfTries);
  });

  it('under the first-attempt rule keeps the first score, so wrong-then-right earns nothing', () => {
    const open = checkpoint({ type: 'trueFalse', answer: true, points: 3 });
    const wrongFirst = recordAttempt(freshState(), open, wrong, scoreAnswer(open, wrong), 'firstAttempt');
    const thenRight = recordAttempt(wrongFirst, open, right, scoreAnswer(open, right), 'firstAttempt');
    expect(thenRight.attempts[open.id]).toEqual({ count: 2, response: right, correct: true, score: 0, skipped: false });
    const rightFirst = recordAttempt(freshState(), open, right, scoreAnswer(open, right), 'firstAttempt');
    expect(rightFirst.attempts[open.id]?.score).toBe(3);
    const best = recordAttempt(wrongFirst, open, right, scoreAnswer(open, right), 'bestAttempt');
    expect(best.attempts[open.id]?.score).toBe(3);
  });

  it('a skipped question’s first real attempt still counts under the first-attempt rule', () => {
    const optional = checkpoint({ type: 'trueFalse', answer: true, required: false, points: 2 });
    const skipped = recordSkip(freshState(), optional);
    const answered = recordAttempt(skipped, optional, right, scoreAnswer(optional, right), 'firstAttempt');
    expect(answered.attempts[optional.id]?.score).toBe(2);
  });

  it('another try can raise the score only under the best-attempt rule or before the first answer', () => {
    const open = checkpoint({ type: 'trueFalse', answer: true });
    expect(canStillScore(freshState(), open, 'firstAttempt')).toBe(true);
    const once = recordAttempt(freshState(), open, wrong, scoreAnswer(open, wrong), 'firstAttempt');
    expect(canAttempt(once, open)).toBe(true);
    expect(canStillScore(once, open, 'firstAttempt')).toBe(false);
    expect(canStillScore(once, open, 'bestAttempt')).toBe(true);
  });

  it('unlimited attempts stay open until right', () => {
    const open = checkpoint({ type: 'trueFalse', answer: true });
    let state = freshState();
    for (let i = 0; i < 5; i += 1) state = recordAttempt(state, open, wrong, scoreAnswer(open, wrong));
    expect(attemptsLeft(state, open)).toBeNull();
    expect(state.attempts[open.id]?.count).toBe(5);
  });

  it('only an optional, unanswered checkpoint can be skipped', () => {
    const optional = checkpoint({ type: 'trueFalse', required: false });
    expect(recordSkip(freshState(), optional).attempts[optional.id]).toMatchObject({ count: 0, skipped: true });
    const required = checkpoint({ type: 'trueFalse' });
    const state = freshState();
    expect(recordSkip(state, required)).toBe(state);
  });

  it('takes only speeds the teacher allows', () => {
    const state = freshState();
    expect(setPlaybackRate(state, 1.5, rules()).playbackRate).toBe(1.5);
    expect(setPlaybackRate(state, 3, rules())).toBe(state);
  });
});
