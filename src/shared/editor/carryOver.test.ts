import { describe, expect, it } from 'vitest';
import { checkpoint, testId } from '../checkpoints/testFixtures';
import { fullEditList, type EditList } from '../timeline/editList';
import { carryOver, describeFlagged, describeWork, type TakeWork } from './carryOver';
import { callout, marker } from './testDocuments.testkit';

const empty = (editList: EditList): TakeWork => ({ editList, markers: [], callouts: [], checkpoints: [] });

/** 10 s, the first second trimmed and 4-6 s cut: lesson 0:00-0:03 is source 1-4 s, 0:03-0:07 is source 6-10 s. */
const OLD: EditList = {
  sourceDuration: 10_000,
  trimStart: 1_000,
  trimEnd: 10_000,
  cuts: [{ start: 4_000, end: 6_000 }],
  splits: [],
};

describe('carrying a lesson’s work to another take', () => {
  it('places each thing at the same lesson time in the new take, with a new id', () => {
    const question = checkpoint({ type: 'trueFalse', sourceMs: 7_000, prompt: 'Is it?' });
    const from: TakeWork = {
      editList: OLD,
      markers: [marker(1, 2_000, 'Intro')],
      callouts: [callout(1, 6_500, 7_500)],
      checkpoints: [question],
    };
    const carried = carryOver(from, empty(fullEditList(12_000)), testId);

    expect(carried.markers).toEqual([{ ...marker(1, 1_000, 'Intro'), id: expect.not.stringMatching(marker(1, 0).id) }]);
    expect(carried.callouts.map((c) => [c.sourceStart, c.sourceEnd])).toEqual([[3_500, 4_500]]);
    expect(carried.checkpoints.map((c) => [c.sourceMs, c.prompt])).toEqual([[4_000, 'Is it?']]);
    expect(carried.checkpoints[0]?.id).not.toBe(question.id);
    expect(carried.flagged).toEqual([]);
  });

  it('maps through the new take’s own cuts', () => {
    const target: EditList = { ...fullEditList(12_000), cuts: [{ start: 0, end: 2_000 }] };
    const carried = carryOver({ ...empty(OLD), markers: [marker(1, 2_000)] }, empty(target), testId);
    expect(carried.markers[0]?.sourceMs).toBe(3_000);
  });

  it('keeps what lies past the new take’s end, at its very end, and names it', () => {
    const late = checkpoint({ type: 'trueFalse', sourceMs: 9_500, prompt: 'Late?' });
    const from: TakeWork = {
      editList: fullEditList(10_000),
      markers: [marker(1, 1_000, 'Early'), marker(2, 8_000, 'Summary')],
      callouts: [callout(1, 9_000, 9_800)],
      checkpoints: [late],
    };
    const carried = carryOver(from, empty(fullEditList(5_000)), testId);

    expect(carried.markers.map((m) => [m.title, m.sourceMs])).toEqual([
      ['Early', 1_000],
      ['Summary', 5_000],
    ]);
    expect(carried.checkpoints.map((c) => c.sourceMs)).toEqual([5_000]);
    expect(carried.callouts.map((c) => [c.sourceStart, c.sourceEnd])).toEqual([[4_200, 5_000]]);
    expect(carried.flagged).toEqual([
      { kind: 'key moment', name: 'Summary', reason: 'pastTheEnd' },
      { kind: 'callout', name: 'Note', reason: 'pastTheEnd' },
      { kind: 'question', name: 'Late?', reason: 'pastTheEnd' },
    ]);
  });

  it('flags what was cut out of the old take and puts it where the cut was', () => {
    const carried = carryOver(
      { ...empty(OLD), markers: [marker(1, 5_000, 'In the cut')] },
      empty(fullEditList(10_000)),
      testId,
    );
    expect(carried.markers[0]?.sourceMs).toBe(3_000);
    expect(carried.flagged).toEqual([{ kind: 'key moment', name: 'In the cut', reason: 'wasCut' }]);
  });

  it('does not copy what the new take already has at the same moment, so switching back and forth adds nothing', () => {
    const from: TakeWork = { ...empty(fullEditList(10_000)), markers: [marker(1, 2_000, 'Intro')] };
    const once = carryOver(from, empty(fullEditList(10_000)), testId);
    const twice = carryOver(from, { ...empty(fullEditList(10_000)), markers: once.markers }, testId);
    expect(once.markers).toHaveLength(1);
    expect(twice.markers).toEqual([]);
  });

  it('moves a question’s “watch again from” with it, never after the question', () => {
    const question = checkpoint({
      type: 'trueFalse',
      sourceMs: 8_000,
      rewatchFrom: { kind: 'sourceMs', sourceMs: 7_000 },
    });
    const carried = carryOver({ ...empty(OLD), checkpoints: [question] }, empty(fullEditList(12_000)), testId);
    expect(carried.checkpoints[0]).toMatchObject({
      sourceMs: 5_000,
      rewatchFrom: { kind: 'sourceMs', sourceMs: 4_000 },
    });
  });
});

describe('saying what a take holds and what to look at', () => {
  it('counts key moments, callouts and questions in words', () => {
    const question = checkpoint({ type: 'trueFalse' });
    expect(
      describeWork({ markers: [marker(1, 0), marker(2, 0)], callouts: [callout(1, 0, 1)], checkpoints: [question] }),
    ).toBe('2 key moments, 1 callout and 1 question');
    expect(describeWork({ markers: [], callouts: [], checkpoints: [question] })).toBe('1 question');
    expect(describeWork({ markers: [], callouts: [], checkpoints: [] })).toBe('');
  });

  it('names each flagged thing under its reason', () => {
    expect(
      describeFlagged(
        [
          { kind: 'question', name: 'Why?', reason: 'pastTheEnd' },
          { kind: 'key moment', name: 'Summary', reason: 'pastTheEnd' },
          { kind: 'callout', name: 'Look', reason: 'wasCut' },
        ],
        'Recording 2',
      ),
    ).toEqual([
      'Past the end of “Recording 2”, so placed at its very end: question “Why?”, key moment “Summary”. Move them in the editor.',
      'Cut out of the old recording, now placed where the cut was: callout “Look”.',
    ]);
  });
});
