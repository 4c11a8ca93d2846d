import { describe, expect, it } from 'vitest';
import { cmi5Problems, moveOnSatisfied, type AuSessions, type CheckedStatement } from './cmi5Rules';

const ADL = 'http://adlnet.gov/expapi/verbs/';
const au: AuSessions = {
  registration: 'r1',
  activityId: 'http://lms/au-1',
  publisherId: 'urn:flipside:au:l1',
  masteryScore: 0.8,
  sessions: [
    { id: 's1', mode: 'Normal' },
    { id: 's2', mode: 'Review' },
  ],
};

let clock = 0;
function statement(
  verb: string,
  session = 's1',
  change: Partial<CheckedStatement> = {},
  defined = true,
): CheckedStatement {
  clock += 1;
  const judged = verb === 'passed' || verb === 'failed';
  const category = [
    ...(defined ? [{ id: 'https://w3id.org/xapi/cmi5/context/categories/cmi5' }] : []),
    ...(judged || verb === 'completed' ? [{ id: 'https://w3id.org/xapi/cmi5/context/categories/moveon' }] : []),
  ];
  return {
    id: `id-${clock}`,
    timestamp: new Date(Date.UTC(2026, 0, 1, 0, 0, clock)).toISOString(),
    verb: { id: ADL + verb },
    object: { id: defined ? au.activityId : `${au.activityId}/interactions/q1` },
    result: {
      ...(verb === 'initialized' ? {} : { duration: 'PT1S' }),
      ...(verb === 'completed' ? { completion: true } : {}),
      ...(judged ? { success: verb === 'passed', score: { scaled: verb === 'passed' ? 0.9 : 0.5 } } : {}),
    },
    context: {
      registration: 'r1',
      contextActivities: { category, grouping: [{ id: au.publisherId }] },
      extensions: {
        'https://w3id.org/xapi/cmi5/context/extensions/sessionid': session,
        ...(judged ? { 'https://w3id.org/xapi/cmi5/context/extensions/masteryscore': 0.8 } : {}),
      },
    },
    ...change,
  };
}

describe('cmi5Problems', () => {
  it('finds nothing wrong in a session that keeps the rules, with an allowed statement inside it', () => {
    const session = [
      statement('initialized'),
      statement('answered', 's1', {}, false),
      statement('completed'),
      statement('passed'),
      statement('terminated'),
      statement('initialized', 's2'),
      statement('terminated', 's2'),
    ];
    expect(cmi5Problems(session, au)).toEqual([]);
    expect(moveOnSatisfied('CompletedAndPassed', session)).toBe(true);
    expect(moveOnSatisfied('CompletedAndPassed', session.slice(0, 3))).toBe(false);
  });

  it('finds statements after terminated, a first one other than initialized, and both passed and failed', () => {
    const problems = cmi5Problems(
      [
        statement('completed'),
        statement('initialized'),
        statement('passed'),
        statement('failed'),
        statement('terminated'),
        statement('answered', 's1', {}, false),
      ],
      au,
    );
    expect(problems).toEqual(
      expect.arrayContaining([
        'session s1: the first statement is completed, not initialized',
        'session s1: 1 statement(s) after terminated',
        'session s1: both passed and failed',
        'failed after passed in the registration',
      ]),
    );
  });

  it('finds a review session that records, a second completed, and a passed below mastery', () => {
    const low = statement('passed', 's1');
    const problems = cmi5Problems(
      [
        statement('initialized'),
        statement('completed'),
        { ...low, result: { ...low.result, score: { scaled: 0.5 } } },
        statement('terminated'),
        statement('initialized', 's2'),
        statement('completed', 's2'),
        statement('terminated', 's2'),
      ],
      au,
    );
    expect(problems).toEqual(
      expect.arrayContaining([
        expect.stringMatching(/scaled 0.5 against masteryScore 0.8/),
        'session s2: Review mode recorded initialized, completed, terminated',
        'completed more than once in the registration',
      ]),
    );
  });

  it('finds missing durations, stray scores, a wrong object and a lost session id', () => {
    const problems = cmi5Problems(
      [
        statement('initialized', 's1', { result: { score: { scaled: 1 } } }),
        statement('completed', 's1', { result: { completion: true } }),
        statement('terminated', 'elsewhere', { object: { id: 'http://lms/other' } }),
      ],
      au,
    );
    expect(problems).toEqual(
      expect.arrayContaining([
        expect.stringMatching(/^initialized id-\d+: has a score$/),
        expect.stringMatching(/^completed id-\d+: has no duration$/),
        expect.stringMatching(/^terminated id-\d+: is not about the launched activity id$/),
        expect.stringMatching(/^terminated id-\d+: names no session the LMS launched$/),
      ]),
    );
  });
});
