import { describe, expect, it } from 'vitest';
import { deserializeState, freshState } from '@shared/checkpoints';
import { PlayerSession } from './session';
import { playTo, testLesson, testSession } from './testLesson.testkit';

const timing = { latencyMs: 1200, timestamp: new Date('2025-01-01T10:00:00Z') };

describe('PlayerSession', () => {
  it('stops at each checkpoint exactly, even when a tick overshoots it', () => {
    const session = testSession();
    const [single] = session.checkpoints;
    expect(session.tick(3_900, 4_180)?.id).toBe(single?.id);
    expect(session.state.positionMs).toBe(4_000);
    expect(session.state.furthestMs).toBe(4_000);
  });

  it('refuses seeking past an unanswered question, naming it', () => {
    const session = testSession();
    playTo(session, 5_000);
    expect(session.seek(10_000)).toEqual({ to: null, message: 'Answer the question at 0:04 first' });
    expect(session.seek(1_000)).toEqual({ to: 1_000, message: null });
  });

  it('moves as far as allowed when the learner asks for much further', () => {
    const session = testSession();
    playTo(session, 3_500);
    session.seek(0);
    expect(session.seek(15_000)).toEqual({
      to: 3_500,
      message: 'You can skip ahead only to what you have watched (up to 0:03)',
    });
  });

  it('allows any seek with free navigation', () => {
    const session = testSession({ navigation: 'free' });
    expect(session.seek(15_000)).toEqual({ to: 15_000, message: null });
  });

  it('asks a wrongly answered question again after rewatching, until attempts run out', () => {
    const session = testSession();
    const short = session.checkpoints[1];
    if (!short) throw new Error('fixture');
    expect(playTo(session, 8_000)).toBe(session.checkpoints[0]?.id);
    session.answer(session.checkpoints[0] ?? short, { type: 'single', choiceId: 'a' }, timing);
    expect(playTo(session, 9_000)).toBe(short.id);
    const wrong = session.answer(short, { type: 'shortAnswer', text: 'London' }, timing);
    expect(wrong).toMatchObject({ kind: 'scored', result: { correct: false }, attemptsLeft: 1, canRetry: true });
    session.seek(short.rewatchMs ?? 0);
    expect(playTo(session, 9_000)).toBe(short.id);
    session.answer(short, { type: 'shortAnswer', text: 'Berlin' }, timing);
    session.seek(6_000);
    expect(playTo(session, 9_000)).toBeNull();
    expect(session.answer(short, { type: 'shortAnswer', text: 'Paris' }, timing)).toEqual({ kind: 'closed' });
  });

  it('does not count an unanswerable response as an attempt', () => {
    const session = testSession();
    const numeric = session.checkpoints[2];
    if (!numeric) throw new Error('fixture');
    expect(session.answer(numeric, { type: 'numeric', text: '1,000' }, timing)).toEqual({
      kind: 'notAnswerable',
      hint: 'Type the number without thousands separators, such as 1000 or 3.5.',
    });
    expect(session.answer(numeric, { type: 'numeric', text: 'abc' }, timing)).toMatchObject({ kind: 'notAnswerable' });
    expect(session.status(numeric.id)).toBe('unanswered');
    const scored = session.answer(numeric, { type: 'numeric', text: '3,5' }, timing);
    expect(scored).toMatchObject({
      kind: 'scored',
      result: { correct: true },
      interaction: { type: 'numeric', learnerResponse: '3,5', latencyMs: 1200 },
    });
  });

  it('summarises what was missed with where to review it', () => {
    const session = testSession();
    const [single, short, numeric] = session.checkpoints;
    if (!single || !short || !numeric) throw new Error('fixture');
    session.answer(single, { type: 'single', choiceId: 'b' }, timing);
    session.answer(short, { type: 'shortAnswer', text: 'paris' }, timing);
    session.skip(numeric);
    expect(session.summary().map((row) => [row.status, row.reviewMs])).toEqual([
      ['incorrect', 0],
      ['correct', 6_000],
      ['skipped', 12_000],
    ]);
    expect(session.report()).toMatchObject({ raw: 1, max: 3 });
  });

  it('keeps only allowed speeds', () => {
    const session = testSession({ playbackRates: [0.5, 1, 1.5] });
    expect(session.setRate(3)).toBe(false);
    expect(session.setRate(1.5)).toBe(true);
    expect(session.state.playbackRate).toBe(1.5);
  });

  it('resumes from suspend data with position and answers', () => {
    const session = testSession();
    const [single] = session.checkpoints;
    if (!single) throw new Error('fixture');
    playTo(session, 4_000);
    session.answer(single, { type: 'single', choiceId: 'a' }, timing);
    playTo(session, 6_500);
    const lesson = session.lesson;
    const { state } = deserializeState(session.suspendData(), {
      durationMs: lesson.durationMs,
      checkpoints: lesson.checkpoints,
    });
    const resumed = new PlayerSession(lesson, state);
    expect(resumed.state.positionMs).toBe(6_500);
    expect(resumed.status(single.id)).toBe('correct');
    expect(resumed.seek(2_000).to).toBe(2_000);
  });

  it('shows the right answer only after the last wrong attempt, and only where the teacher chose to', () => {
    const lesson = testLesson();
    const revealing = new PlayerSession(
      { ...lesson, checkpoints: lesson.checkpoints.map((question) => ({ ...question, revealAnswer: true })) },
      freshState(),
    );
    const short = revealing.checkpoints[1];
    if (!short) throw new Error('fixture');
    const london = { type: 'shortAnswer', text: 'London' } as const;
    expect(revealing.answer(short, london, timing)).toMatchObject({ kind: 'scored', canRetry: true, answer: null });
    expect(revealing.answer(short, london, timing)).toMatchObject({
      kind: 'scored',
      canRetry: false,
      answer: { kind: 'text', text: 'Paris' },
    });

    const plain = testSession();
    const hidden = plain.checkpoints[1];
    if (!hidden) throw new Error('fixture');
    plain.answer(hidden, london, timing);
    expect(plain.answer(hidden, london, timing)).toMatchObject({ kind: 'scored', canRetry: false, answer: null });
  });

  it('under the first-attempt rule scores wrong-then-right as nothing and closes a failed attempt', () => {
    const everythingCounts = { completion: { minWatchedPercent: 0, requireAllRequiredCheckpoints: true } };
    const answerAllWrongThenSingleRight = (session: PlayerSession) => {
      const [single, short, numeric] = session.checkpoints;
      if (!single || !short || !numeric) throw new Error('fixture');
      session.answer(single, { type: 'single', choiceId: 'b' }, timing);
      session.answer(short, { type: 'shortAnswer', text: 'London' }, timing);
      session.answer(numeric, { type: 'numeric', text: '7' }, timing);
      session.answer(single, { type: 'single', choiceId: 'a' }, timing);
    };
    const first = testSession({ ...everythingCounts, scoring: 'firstAttempt' });
    answerAllWrongThenSingleRight(first);
    expect(first.report()).toMatchObject({ raw: 0, max: 3, success: 'failed' });
    // Only practice is left (the short answer and the number could be tried again), so the LMS hears the verdict.
    expect(first.attempt()).toMatchObject({ over: true, success: 'failed' });

    const best = testSession(everythingCounts);
    answerAllWrongThenSingleRight(best);
    expect(best.report()).toMatchObject({ raw: 1, max: 3 });
    expect(best.attempt()).toMatchObject({ over: false, completion: 'incomplete' });
  });
});
