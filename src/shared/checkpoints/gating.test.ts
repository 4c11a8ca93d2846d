import { describe, expect, it } from 'vitest';
import { placeAnchors } from '../timeline/anchors';
import type { EditList } from '../timeline/editList';
import { createLessonMap } from '../timeline/mapping';
import { completion, createGate, rewatchTarget } from './gating';
import { freshState, recordAttempt, recordPlayback, recordSkip, type LearnerState } from './learnerState';
import { scoreAnswer } from './scoring';
import { checkpoint, rules } from './testFixtures';

// Plays source 0–10 s and 20–60 s: lesson 0–10 s then 10–50 s.
const list: EditList = {
  sourceDuration: 60_000,
  trimStart: 0,
  trimEnd: 60_000,
  cuts: [{ start: 10_000, end: 20_000 }],
  splits: [],
};
const map = createLessonMap(list);
const q1 = checkpoint({ type: 'trueFalse', sourceMs: 5_000 });
const inCut = checkpoint({ type: 'trueFalse', sourceMs: 15_000 });
const q2 = checkpoint({ type: 'trueFalse', sourceMs: 30_000, required: false });
const q3 = checkpoint({ type: 'trueFalse', sourceMs: 40_000, points: 2 });
const placed = placeAnchors(list, [q3, q1, inCut, q2]);
const yes = { type: 'trueFalse', value: true } as const;
const no = { type: 'trueFalse', value: false } as const;

function watchedTo(ms: number, state = freshState()): LearnerState {
  let s = state;
  for (let t = 0; t < ms; t += 250) s = recordPlayback(s, t, Math.min(ms, t + 250));
  return s;
}

describe('canSeekTo', () => {
  it('free navigation allows anything', () => {
    expect(createGate(placed, rules({ navigation: 'free' }), freshState()).canSeekTo(49_000)).toEqual({
      allowed: true,
    });
  });

  it('no skipping ahead: back and up to the furthest point watched, not past it', () => {
    const gate = createGate(placed, rules(), watchedTo(4_000));
    expect(gate.canSeekTo(0)).toEqual({ allowed: true });
    expect(gate.canSeekTo(4_000)).toEqual({ allowed: true });
    expect(gate.canSeekTo(4_001)).toEqual({ allowed: false, reason: 'notWatchedYet', stopAtMs: 4_000 });
  });

  it('an unanswered required checkpoint stops seeking even inside watched time', () => {
    const watched = watchedTo(20_000);
    expect(createGate(placed, rules(), watched).canSeekTo(12_000)).toEqual({
      allowed: false,
      reason: 'unansweredCheckpoint',
      stopAtMs: 5_000,
      checkpointId: q1.id,
    });
    expect(createGate(placed, rules(), watched).canSeekTo(5_000)).toEqual({ allowed: true });
    const answered = recordAttempt(watched, q1, no, scoreAnswer(q1, no));
    expect(createGate(placed, rules(), answered).canSeekTo(20_000)).toEqual({ allowed: true });
  });

  it('ignores checkpoints removed by a cut', () => {
    const state = recordAttempt(watchedTo(12_000), q1, yes, scoreAnswer(q1, yes));
    expect(createGate(placed, rules(), state).canSeekTo(12_000)).toEqual({ allowed: true });
  });
});

describe('nextCheckpointToPause', () => {
  it('pauses at the first unanswered checkpoint crossed, skipping removed ones', () => {
    const gate = createGate(placed, rules(), freshState());
    expect(gate.nextCheckpointToPause(4_900, 5_100)?.id).toBe(q1.id);
    expect(gate.nextCheckpointToPause(0, 49_000)?.id).toBe(q1.id);
    expect(gate.nextCheckpointToPause(9_000, 12_000)).toBeNull();
    expect(gate.nextCheckpointToPause(5_100, 4_900)).toBeNull();
  });

  it('asks an unanswered checkpoint the learner is sitting on (start, resume)', () => {
    const atStart = checkpoint({ type: 'trueFalse', sourceMs: 0 });
    expect(createGate(placeAnchors(list, [atStart]), rules(), freshState()).nextCheckpointToPause(0, 250)?.id).toBe(
      atStart.id,
    );
    expect(createGate(placed, rules(), freshState()).nextCheckpointToPause(5_000, 5_000)?.id).toBe(q1.id);
  });

  it('does not ask an answered one again, unless the rules say so and playback crosses it anew', () => {
    const state = recordAttempt(freshState(), q1, yes, scoreAnswer(q1, yes));
    expect(createGate(placed, rules(), state).nextCheckpointToPause(4_000, 6_000)).toBeNull();
    const again = createGate(placed, rules({ pauseAgainWhenAnswered: true }), state);
    expect(again.nextCheckpointToPause(4_000, 6_000)?.id).toBe(q1.id);
    expect(again.nextCheckpointToPause(5_000, 5_250)).toBeNull();
  });

  it('asks a skipped one again only when crossed anew', () => {
    const gate = createGate(placed, rules(), recordSkip(freshState(), q2));
    expect(gate.nextCheckpointToPause(20_000, 20_250)).toBeNull();
    expect(gate.nextCheckpointToPause(19_900, 20_100)?.id).toBe(q2.id);
  });
});

describe('rewatchTarget', () => {
  const markers = placeAnchors(list, [
    { id: 'm1', sourceMs: 2_000 },
    { id: 'm2', sourceMs: 25_000 },
    { id: 'cut', sourceMs: 12_000 },
    { id: 'same', sourceMs: 40_000 },
  ]);
  const at = (q: typeof q1) => placed.find((p) => p.id === q.id)!;

  it('goes to the last marker strictly before the checkpoint, else the start', () => {
    expect(rewatchTarget(at(q3), markers, map)).toBe(15_000);
    expect(rewatchTarget(at(q1), markers, map)).toBe(2_000);
    expect(rewatchTarget(at(q1), [], map)).toBe(0);
  });

  it('maps an explicit source time and clamps it to the checkpoint', () => {
    const explicit = (sourceMs: number) => ({ ...at(q3), rewatchFrom: { kind: 'sourceMs' as const, sourceMs } });
    expect(rewatchTarget(explicit(22_000), markers, map)).toBe(12_000);
    expect(rewatchTarget(explicit(15_000), markers, map)).toBe(10_000);
    expect(rewatchTarget(explicit(59_000), markers, map)).toBe(30_000);
    expect(rewatchTarget({ ...at(q3), rewatchFrom: { kind: 'none' } }, markers, map)).toBeNull();
  });
});

describe('completion', () => {
  const duration = map.duration;
  const answerAll = (state: LearnerState, response: typeof yes | typeof no) =>
    [q1, q2, q3].reduce((s, q) => recordAttempt(s, q, response, scoreAnswer(q, response)), state);

  it('is incomplete with unknown success at the start', () => {
    expect(completion(freshState(), rules(), duration, placed)).toEqual({
      completion: 'incomplete',
      success: 'unknown',
      scaled: 0,
      raw: 0,
      max: 4,
      progressMeasure: 0,
      watchedPercent: 0,
    });
  });

  it('completes when enough is watched and every required checkpoint answered, and passes on mastery', () => {
    const report = completion(answerAll(watchedTo(45_000), yes), rules(), duration, placed);
    expect(report).toMatchObject({
      completion: 'completed',
      success: 'passed',
      scaled: 1,
      raw: 4,
      max: 4,
      progressMeasure: 1,
      watchedPercent: 90,
    });
    expect(completion(answerAll(watchedTo(45_000), no), rules(), duration, placed)).toMatchObject({
      completion: 'completed',
      success: 'failed',
      scaled: 0,
    });
  });

  it('counts progress half watching, half answering, and never 1 before completion', () => {
    const half = completion(watchedTo(45_000), rules(), duration, placed);
    expect(half).toMatchObject({ completion: 'incomplete', success: 'unknown', progressMeasure: 0.5 });
    const notWatched = completion(answerAll(freshState(), yes), rules(), duration, placed);
    expect(notWatched).toMatchObject({ completion: 'incomplete', success: 'passed', progressMeasure: 0.5 });
    const noAnswersNeeded = completion(
      watchedTo(22_500),
      rules({ completion: { requireAllRequiredCheckpoints: false } }),
      duration,
      placed,
    );
    expect(noAnswersNeeded.progressMeasure).toBe(0.5);
  });

  it('passes exactly at the mastery line', () => {
    const fiveQuestions = Array.from({ length: 5 }, (_, i) => ({
      ...checkpoint({ type: 'trueFalse' }),
      lessonMs: i,
      removed: false,
    }));
    const state = fiveQuestions
      .slice(0, 4)
      .reduce((s, q) => recordAttempt(s, q, yes, scoreAnswer(q, yes)), freshState());
    const last = fiveQuestions[4]!;
    const report = completion(
      recordAttempt(state, last, no, scoreAnswer(last, no)),
      rules({ masteryPercent: 80 }),
      1_000,
      fiveQuestions,
    );
    expect(report).toMatchObject({ success: 'passed', raw: 4, max: 5, scaled: 0.8 });
  });

  it('a lesson with nothing to score reports completion only', () => {
    expect(completion(watchedTo(45_000), rules(), duration, [])).toMatchObject({
      completion: 'completed',
      success: 'unknown',
      scaled: 0,
      max: 0,
    });
  });
});
