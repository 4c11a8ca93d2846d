import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { freshState, learnerStateSchema, type CheckpointRecord, type LearnerState } from './learnerState';
import type { Checkpoint } from './schema';
import type { CheckpointResponse } from './scoring';
import { deserializeState, serializeState, SUSPEND_MAX, type SuspendLesson } from './suspendData';
import { checkpoint } from './testFixtures';
import { decodeWatched, encodeWatched } from './watchedCodec';

const TYPES = ['single', 'multiple', 'trueFalse', 'shortAnswer', 'numeric'] as const;

function lessonOf(count: number, durationMs = 15 * 60_000): SuspendLesson {
  return {
    durationMs,
    checkpoints: Array.from({ length: count }, (_, i) =>
      checkpoint({ type: TYPES[i % TYPES.length]!, points: 1 + (i % 3) }),
    ),
  };
}

function responseArb(q: Checkpoint, textMax: number): fc.Arbitrary<CheckpointResponse> {
  switch (q.type) {
    case 'single':
      return fc.constantFrom(...q.choices).map((choice) => ({ type: 'single' as const, choiceId: choice.id }));
    case 'multiple':
      return fc
        .subarray(q.choices.map((choice) => choice.id))
        .map((choiceIds) => ({ type: 'multiple' as const, choiceIds }));
    case 'trueFalse':
      return fc.boolean().map((value) => ({ type: 'trueFalse' as const, value }));
    case 'shortAnswer':
    case 'numeric':
      return fc.string({ unit: 'grapheme', maxLength: textMax }).map((text) => ({ type: q.type, text }));
  }
}

/** A record as the player makes them: answered (count ≥ 1) or skipped (count 0, nothing else). */
function recordArb(q: Checkpoint, textMax: number): fc.Arbitrary<CheckpointRecord> {
  const answered = fc.record({
    count: fc.integer({ min: 1, max: 1000 }),
    response: fc.option(responseArb(q, textMax), { nil: null }),
    correct: fc.boolean(),
    score: fc.integer({ min: 0, max: q.points * 1000 }).map((thousandths) => thousandths / 1000),
    skipped: fc.constant(false),
  });
  return fc.oneof(answered, fc.constant({ count: 0, response: null, correct: false, score: 0, skipped: true }));
}

/** A valid state at suspend precision: watched ranges on whole seconds (or the lesson's end). */
function stateArb(lesson: SuspendLesson, textMax: number): fc.Arbitrary<LearnerState> {
  const seconds = Math.ceil(lesson.durationMs / 1000);
  const ms = fc.integer({ min: 0, max: lesson.durationMs });
  const watched = fc.array(fc.tuple(fc.nat(seconds), fc.nat(seconds)), { maxLength: 40 }).map((pairs) =>
    encodeDecode(
      pairs.map(([a, b]) => ({
        start: Math.min(a, b) * 1000,
        end: Math.min(Math.max(a, b) * 1000, lesson.durationMs),
      })),
      lesson,
    ),
  );
  const attempts = fc
    .tuple(...lesson.checkpoints.map((q) => fc.option(recordArb(q, textMax), { nil: undefined })))
    .map((records) =>
      Object.fromEntries(records.flatMap((record, i) => (record ? [[lesson.checkpoints[i]!.id, record]] : []))),
    );
  return fc.record({
    positionMs: ms,
    furthestMs: ms,
    watched,
    attempts,
    playbackRate: fc.constantFrom(0.75, 1, 1.25, 1.5, 2),
  });
}

// Whole-second ranges are exactly representable; this just merges them the way the codec does.
function encodeDecode(ranges: { start: number; end: number }[], lesson: SuspendLesson) {
  return decodeWatched(encodeWatched(ranges, lesson.durationMs, 1), lesson.durationMs, 1) ?? [];
}

describe('serializeState / deserializeState', () => {
  it('round-trips any valid state of a small lesson exactly', () => {
    const lesson = lessonOf(7, 95_500);
    fc.assert(
      fc.property(stateArb(lesson, 40), (state) => {
        expect(learnerStateSchema.safeParse(state).success).toBe(true);
        const text = serializeState(state, lesson);
        expect(deserializeState(text, lesson)).toEqual({ state, warnings: [], questionsChanged: false });
      }),
    );
  });

  it('fits 50 checkpoints with long answers in 4,000 ASCII characters, keeping everything but text', () => {
    const lesson = lessonOf(50, 3 * 3600_000);
    fc.assert(
      fc.property(stateArb(lesson, 500), (state) => {
        const text = serializeState(state, lesson);
        expect(text.length).toBeLessThanOrEqual(SUSPEND_MAX);
        expect(text).toMatch(/^[\x20-\x7e]*$/);
        const back = deserializeState(text, lesson);
        expect(back.warnings).toEqual([]);
        expect(Object.keys(back.state.attempts).sort()).toEqual(Object.keys(state.attempts).sort());
        for (const [id, record] of Object.entries(state.attempts)) {
          const restored = back.state.attempts[id]!;
          expect({ ...restored, response: null }).toEqual({ ...record, response: null });
          const original = record.response;
          if (original && 'text' in original)
            expect(original.text.startsWith((restored.response as { text: string } | null)?.text ?? '')).toBe(true);
        }
      }),
      { numRuns: 30 },
    );
  });

  it('stays within budget for the worst case: every answer long, and a watched record shredded into fragments', () => {
    const lesson = lessonOf(50, 6 * 3600_000);
    const attempts = Object.fromEntries(
      lesson.checkpoints.map((q) => [
        q.id,
        {
          count: 999,
          correct: false,
          skipped: false,
          score: 0.333,
          response:
            q.type === 'shortAnswer' || q.type === 'numeric'
              ? { type: q.type, text: '"\u00e9\ud83d\ude00'.repeat(160) }
              : null,
        },
      ]),
    );
    const watched = Array.from({ length: 10_000 }, (_, i) => ({ start: i * 2000, end: i * 2000 + 1000 }));
    const state: LearnerState = { ...freshState(), attempts, watched };
    const text = serializeState(state, lesson);
    expect(text.length).toBeLessThanOrEqual(SUSPEND_MAX);
    const back = deserializeState(text, lesson);
    expect(back.warnings).toEqual([]);
    expect(Object.keys(back.state.attempts)).toHaveLength(50);
  });

  it('quantises watched time to the nearest second and is stable after one round', () => {
    const lesson = lessonOf(3, 10_500);
    const state: LearnerState = {
      ...freshState(),
      watched: [
        { start: 400, end: 2_600 },
        { start: 7_700, end: 10_500 },
      ],
    };
    const once = deserializeState(serializeState(state, lesson), lesson).state;
    expect(once.watched).toEqual([
      { start: 0, end: 3_000 },
      { start: 8_000, end: 10_500 },
    ]);
    expect(deserializeState(serializeState(once, lesson), lesson).state).toEqual(once);
  });

  it('finds answers again when a re-published lesson reordered its checkpoints', () => {
    const lesson = lessonOf(4);
    const [a, b] = lesson.checkpoints;
    const state: LearnerState = {
      ...freshState(),
      attempts: { [b!.id]: { count: 2, correct: true, skipped: false, score: 2, response: null } },
    };
    const reordered = { ...lesson, checkpoints: [b!, a!, ...lesson.checkpoints.slice(2)].reverse() };
    expect(deserializeState(serializeState(state, lesson), reordered)).toEqual({
      state,
      warnings: [],
      questionsChanged: false,
    });
  });

  it('does not resume progress saved against other questions, but keeps it when only words or times changed', () => {
    const lesson = lessonOf(3, 60_000);
    const [first] = lesson.checkpoints;
    if (!first) throw new Error('fixture');
    const state: LearnerState = {
      ...freshState(),
      positionMs: 30_000,
      furthestMs: 30_000,
      attempts: { [first.id]: { count: 1, correct: true, skipped: false, score: 1, response: null } },
    };
    const saved = serializeState(state, lesson);
    const reworded = {
      ...lesson,
      durationMs: 50_000,
      checkpoints: lesson.checkpoints.map((checkpoint) => ({
        ...checkpoint,
        prompt: `${checkpoint.prompt} (reworded)`,
        sourceMs: checkpoint.sourceMs + 500,
      })),
    };
    expect(deserializeState(saved, reworded)).toMatchObject({ questionsChanged: false, state: { positionMs: 30_000 } });

    const morePoints = {
      ...lesson,
      checkpoints: lesson.checkpoints.map((checkpoint, index) =>
        index === 0 ? { ...checkpoint, points: checkpoint.points + 1 } : checkpoint,
      ),
    };
    const added = { ...lesson, checkpoints: [...lesson.checkpoints, ...lessonOf(4).checkpoints.slice(3)] };
    for (const changed of [morePoints, added]) {
      const result = deserializeState(saved, changed);
      expect(result.questionsChanged).toBe(true);
      expect(result.state).toEqual(freshState());
    }
  });

  it('reads progress saved before questions were keyed as it always did', () => {
    const lesson = lessonOf(2, 60_000);
    const legacy = serializeState({ ...freshState(), positionMs: 12_000 }, lesson).replace(/"k":"[0-9a-f]{8}",/, '');
    expect(legacy).not.toContain('"k"');
    expect(deserializeState(legacy, lesson)).toMatchObject({ questionsChanged: false, state: { positionMs: 12_000 } });
  });

  it('starts fresh, silently, when there is nothing saved', () => {
    for (const text of [null, undefined, ''])
      expect(deserializeState(text, lessonOf(1))).toEqual({
        state: freshState(),
        warnings: [],
        questionsChanged: false,
      });
  });

  it.each([
    ['another format', 'lesson_location=12'],
    ['a future version', 'FS2:{}'],
    ['truncated JSON', 'FS1:{"p":1,"f":'],
    ['the wrong shape', 'FS1:[1,2,3]'],
    ['a huge blob', `FS1:${'['.repeat(100_000)}`],
    ['deep nesting', `FS1:${'['.repeat(5_000)}${']'.repeat(5_000)}`],
    ['prototype pollution', 'FS1:{"__proto__":{"polluted":1},"p":0,"f":0,"r":1,"q":1,"w":"r","a":[]}'],
  ])('refuses %s with a warning and a fresh state', (_name, text) => {
    const result = deserializeState(text, lessonOf(2));
    expect(result.state).toEqual(freshState());
    if (_name !== 'prototype pollution') expect(result.warnings).toHaveLength(1);
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
  });

  it('repairs what it can: clamps times, drops unknown rows, resets a bad speed or watched record', () => {
    const lesson = lessonOf(2, 60_000);
    const [q] = lesson.checkpoints;
    const text = `FS1:${JSON.stringify({
      p: -5,
      f: 1e12,
      r: 99,
      q: 1,
      w: 'r0.zzzzzz',
      a: [
        [9, 'zzzz', 1, 0, 1],
        [0, q!.id.slice(0, 4), 1, 1, 50, 'x'],
        [0, q!.id.slice(0, 4), 2, 0, 0],
      ],
    })}`;
    const { state, warnings } = deserializeState(text, lesson);
    expect(state).toMatchObject({
      positionMs: 0,
      furthestMs: 60_000,
      playbackRate: 1,
      watched: [{ start: 0, end: 60_000 }],
    });
    expect(state.attempts[q!.id]).toEqual({
      count: 1,
      correct: true,
      skipped: false,
      score: q!.points,
      response: null,
    });
    expect(warnings).toHaveLength(3);
    expect(deserializeState(text.replace('r0.zzzzzz', 'x!'), lesson).state.watched).toEqual([]);
  });

  it('never throws on arbitrary text, prefixed or not', () => {
    const lesson = lessonOf(5);
    fc.assert(
      fc.property(
        fc.oneof(
          fc.string(),
          fc.string().map((s) => `FS1:${s}`),
          fc.json().map((j) => `FS1:${j}`),
        ),
        (text) => {
          const { state } = deserializeState(text, lesson);
          expect(learnerStateSchema.safeParse(state).success).toBe(true);
        },
      ),
    );
  });
});
