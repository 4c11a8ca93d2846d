import { describe, expect, it } from 'vitest';
import type { LearnerResult } from './results';
import { withRoster, type RosterEntry } from './roster';
import { summarizeViewing } from './viewing';

const CLASS = '00000000-0000-4000-8000-aaaaaaaaaaaa';
const LISTED = Date.UTC(2026, 2, 10, 12);

function learner(id: string, name: string, run: LearnerResult['run'] = null): LearnerResult {
  return { id: `00000000-0000-4000-8000-${id.padStart(12, '0')}`, name, classId: CLASS, joinedAt: 0, run };
}

function member(sub: string, name: string, more: Partial<RosterEntry> = {}): RosterEntry {
  return { classId: CLASS, sub, name, learner: true, active: true, learnerId: null, listedAt: LISTED, ...more };
}

const started: LearnerResult['run'] = {
  version: 1,
  startedAt: 1,
  lastActivityAt: 2,
  progress: 0.2,
  completion: 'incomplete',
  success: 'unknown',
  score: null,
  viewing: summarizeViewing({ spans: [{ fromMs: 0, toMs: 1000, rate: 1 }], pauses: 0, seeks: 0 }),
  attempts: [],
};

describe('the course roster laid over the class', () => {
  it('adds a rostered learner who never launched as not started, with no record of theirs', () => {
    const rows = withRoster([learner('1', 'Sam Lee')], [member('u-2', 'Ana Ruiz')]);
    expect(rows.map((row) => [row.name, row.run, row.onlyOnRoster])).toEqual([
      ['Ana Ruiz', null, true],
      ['Sam Lee', null, undefined],
    ]);
    expect(rows[0]).toMatchObject({ id: `roster:${CLASS}:u-2`, classId: CLASS, joinedAt: LISTED });
  });

  it('does not list a learner twice: one who launched is matched by their platform id', () => {
    const sam = learner('1', 'Sam Lee', started);
    const rows = withRoster([sam], [member('u-1', 'Samuel Lee', { learnerId: sam.id })]);
    expect(rows).toEqual([sam]);
  });

  it('never lists instructors, teaching assistants or mentors as learners', () => {
    expect(withRoster([], [member('t-1', 'Ada Teacher', { learner: false })])).toEqual([]);
  });

  it('does not list a member the course made Inactive or Deleted as not started, but keeps what they did', () => {
    const gone = learner('3', 'Kim Park');
    const worked = learner('4', 'Lou Ng', started);
    const rows = withRoster(
      [gone, worked],
      [
        member('u-3', 'Kim Park', { active: false, learnerId: gone.id }),
        member('u-4', 'Lou Ng', { active: false, learnerId: worked.id }),
        member('u-5', 'Never Came', { active: false }),
      ],
    );
    expect(rows).toEqual([worked]);
  });

  it('counts a member on the rosters of two links to the lesson once, active if either says so', () => {
    const rows = withRoster(
      [],
      [
        member('u-6', 'Ana Ruiz', { active: false }),
        member('u-6', 'Ana Ruiz'),
        member('u-7', 'Bo', { learner: false }),
      ],
    );
    expect(rows.map((row) => row.name)).toEqual(['Ana Ruiz']);
  });

  it('leaves the class as it was when there is no roster', () => {
    const rows = [learner('1', 'zed'), learner('2', 'Amy')];
    expect(withRoster(rows, [])).toEqual(rows);
  });
});
