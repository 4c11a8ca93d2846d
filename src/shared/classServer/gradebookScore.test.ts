import { describe, expect, it } from 'vitest';
import { gradebookScore, type RunForGradebook } from './gradebookScore';
import type { Attempt } from './results';

const QUESTIONS = ['q1', 'q2', 'q3'];
const run = (overrides: Partial<RunForGradebook> = {}): RunForGradebook => ({
  progress: 0,
  completion: null,
  scoreRaw: null,
  scoreMax: null,
  attempts: [],
  ...overrides,
});
const attempt = (checkpointId: string, correct: boolean, at: number): Attempt => ({
  checkpointId,
  correct,
  at,
  response: 'x',
});

describe('gradebookScore', () => {
  it('a run just launched is Started and Pending, with no score yet', () => {
    expect(gradebookScore(run(), QUESTIONS)).toEqual({
      activityProgress: 'Started',
      gradingProgress: 'Pending',
      comment: '0 of 3 first time',
    });
  });

  it('a run being played is InProgress; the comment counts first attempts only', () => {
    const attempts = [attempt('q1', false, 1), attempt('q1', true, 2), attempt('q2', true, 3)];
    expect(gradebookScore(run({ progress: 0.4, attempts }), QUESTIONS)).toEqual({
      activityProgress: 'InProgress',
      gradingProgress: 'Pending',
      comment: '1 of 3 first time',
    });
  });

  it('a finished run is Completed and FullyGraded with the lesson’s own score', () => {
    const attempts = [attempt('q1', true, 1), attempt('q2', false, 2), attempt('q3', true, 3)];
    expect(
      gradebookScore(run({ progress: 1, completion: 'completed', scoreRaw: 3, scoreMax: 3, attempts }), QUESTIONS),
    ).toEqual({
      activityProgress: 'Completed',
      gradingProgress: 'FullyGraded',
      scoreGiven: 3,
      scoreMaximum: 3,
      comment: '2 of 3 first time',
    });
  });

  it('a finished run without a reported score counts right first time; a lesson without questions scores 1 of 1', () => {
    expect(gradebookScore(run({ completion: 'completed', attempts: [attempt('q2', true, 1)] }), QUESTIONS)).toEqual(
      expect.objectContaining({ scoreGiven: 1, scoreMaximum: 3, gradingProgress: 'FullyGraded' }),
    );
    expect(gradebookScore(run({ completion: 'completed', progress: 1 }), [])).toEqual({
      activityProgress: 'Completed',
      gradingProgress: 'FullyGraded',
      scoreGiven: 1,
      scoreMaximum: 1,
    });
  });
});
