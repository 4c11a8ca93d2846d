import { describe, expect, it } from 'vitest';
import { analyzeClass, STUCK_RULE_TEXT } from './analyze';
import { planClass } from './planClass';
import type { ClassResults, LearnerResult, ResultQuestion, Run } from './results';
import { summarizeViewing } from './viewing';

const NOW = Date.UTC(2026, 2, 10, 12);
const HOUR = 3600_000;

const questions: ResultQuestion[] = [
  {
    id: 'q1',
    prompt: 'Which force pulls things down?',
    type: 'single',
    lessonMs: 10_000,
    attemptsAllowed: 2,
    choices: [
      { id: 'a', text: 'Friction' },
      { id: 'b', text: 'Gravity' },
    ],
  },
  { id: 'q2', prompt: 'Name a force.', type: 'shortAnswer', lessonMs: 40_000, attemptsAllowed: null, choices: [] },
];

let ids = 0;
function learner(name: string, run: Partial<Run> | null): LearnerResult {
  ids += 1;
  const id = `00000000-0000-4000-8000-${String(ids).padStart(12, '0')}`;
  return {
    id,
    name,
    classId: '00000000-0000-4000-8000-aaaaaaaaaaaa',
    joinedAt: NOW - 2 * HOUR,
    run:
      run === null
        ? null
        : {
            version: 1,
            startedAt: NOW - HOUR,
            lastActivityAt: NOW - HOUR,
            progress: 0.5,
            completion: 'incomplete',
            success: 'unknown',
            score: null,
            viewing: summarizeViewing({ spans: [{ fromMs: 0, toMs: 30_000, rate: 1 }], pauses: 0, seeks: 0 }),
            attempts: [],
            ...run,
          },
  };
}

function results(learners: LearnerResult[]): ClassResults {
  return {
    lesson: {
      id: '00000000-0000-4000-8000-bbbbbbbbbbbb',
      title: 'Forces',
      url: 'http://server/l/abc',
      latestVersion: 1,
      durationMs: 60_000,
      questions,
      versions: [],
      publishedAt: NOW - 3 * HOUR,
    },
    classes: [],
    learners,
    generatedAt: NOW,
  };
}

const attempt = (checkpointId: string, correct: boolean, response: string[] | string, at: number) => ({
  checkpointId,
  correct,
  response,
  at,
});

describe('analyzeClass', () => {
  it('applies the stuck rule it shows: failed after all attempts, went back three times, or stopped over a day ago', () => {
    expect(STUCK_RULE_TEXT).toMatch(/failed a question after all its attempts/);
    const analysis = analyzeClass(
      results([
        learner('Failed', { attempts: [attempt('q1', false, ['a'], 1), attempt('q1', false, ['a'], 2)] }),
        learner('Once wrong', { attempts: [attempt('q1', false, ['a'], 1)] }),
        learner('Looping', {
          viewing: summarizeViewing({
            spans: [0, 1, 2, 3].map(() => ({ fromMs: 20_000, toMs: 25_000, rate: 1 })),
            pauses: 0,
            seeks: 3,
          }),
        }),
        learner('Twice back', {
          viewing: summarizeViewing({
            spans: [0, 1, 2].map(() => ({ fromMs: 20_000, toMs: 25_000, rate: 1 })),
            pauses: 0,
            seeks: 2,
          }),
        }),
        learner('Gone quiet', { lastActivityAt: NOW - 25 * HOUR }),
        learner('Finished long ago', { lastActivityAt: NOW - 72 * HOUR, completion: 'completed' }),
        learner('Not yet', null),
      ]),
      NOW,
    );
    const status = Object.fromEntries(analysis.learners.map((row) => [row.name, row.status]));
    expect(status).toEqual({
      Failed: 'stuck',
      'Once wrong': 'watching',
      Looping: 'stuck',
      'Twice back': 'watching',
      'Gone quiet': 'stuck',
      'Finished long ago': 'done',
      'Not yet': 'notStarted',
    });
    expect(analysis.learners.find((row) => row.name === 'Looping')?.reasons).toEqual([
      { kind: 'rewatched', startMs: 20_000, endMs: 25_000, times: 3 },
    ]);
    expect(analysis.learners.find((row) => row.name === 'Gone quiet')?.reasons).toEqual([
      { kind: 'idle', sinceMs: NOW - 25 * HOUR },
    ]);
    expect(analysis.counts).toEqual({ notStarted: 1, watching: 2, stuck: 3, done: 1 });
  });

  it('counts a learner known only from the course roster as not started, and says nothing of theirs is recorded', () => {
    const rostered: LearnerResult = { ...learner('Ana Ruiz', null), id: 'roster:x:u-2', onlyOnRoster: true };
    const analysis = analyzeClass(results([learner('Sam Lee', null), rostered]), NOW);
    expect(analysis.learners.map((row) => [row.name, row.status, row.onlyOnRoster])).toEqual([
      ['Sam Lee', 'notStarted', false],
      ['Ana Ruiz', 'notStarted', true],
    ]);
    expect(analysis.counts.notStarted).toBe(2);
  });

  it('per question: right first time, and the commonest wrong answers by learners, typed ones folded', () => {
    const analysis = analyzeClass(
      results([
        learner('A', { attempts: [attempt('q1', true, ['b'], 1), attempt('q2', false, 'Gravity ', 2)] }),
        learner('B', { attempts: [attempt('q1', false, ['a'], 1), attempt('q1', true, ['b'], 2)] }),
        learner('C', { attempts: [attempt('q2', false, 'gravity', 1), attempt('q2', false, 'GRAVITY', 2)] }),
        learner('D', { attempts: [attempt('q2', false, 'weight', 1)] }),
      ]),
      NOW,
    );
    expect(analysis.questions[0]).toMatchObject({ answered: 2, rightFirstTime: 1, percentRightFirstTime: 50 });
    expect(analysis.questions[0]?.wrongAnswers).toEqual([{ label: 'Friction', learners: 1 }]);
    expect(analysis.questions[1]).toMatchObject({ answered: 3, rightFirstTime: 0, percentRightFirstTime: 0 });
    expect(analysis.questions[1]?.wrongAnswers).toEqual([
      { label: 'Gravity', learners: 2 },
      { label: 'weight', learners: 1 },
    ]);
    expect(analysis.learners.find((row) => row.name === 'B')?.firstAttempts).toEqual({
      q1: 'incorrect',
      q2: 'unanswered',
    });
  });
});

describe('planClass', () => {
  it('groups learners by the questions they missed first time, most missed first, then the ready and the absent', () => {
    const analysis = analyzeClass(
      results([
        learner('Zoe', { attempts: [attempt('q1', true, ['b'], 1), attempt('q2', true, 'gravity', 2)] }),
        learner('Ben', { attempts: [attempt('q1', false, ['a'], 1), attempt('q2', false, 'x', 2)] }),
        learner('Ana', { attempts: [attempt('q2', false, 'y', 1)] }),
        learner('Cy', null),
      ]),
      NOW,
    );
    expect(planClass(analysis).map((group) => [group.title, group.learners.map((row) => row.name)])).toEqual([
      ['Question 2', ['Ana', 'Ben']],
      ['Question 1', ['Ben']],
      ['Everything right first time', ['Zoe']],
      ['Not started', ['Cy']],
    ]);
  });
});
