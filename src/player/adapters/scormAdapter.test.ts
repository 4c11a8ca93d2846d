import { describe, expect, it } from 'vitest';
import { Scorm12API, Scorm2004API } from 'scorm-again';
import { parseLearnerNumber } from '@shared/checkpoints/normalize';
import type { Interaction } from '../adapter';
import { createCallLog } from './callLog';
import { scorm12Profile, scorm2004Profile } from './profiles';
import { createScormAdapter } from './scormAdapter';
import { createScormDriver, DIALECT_12, DIALECT_2004 } from './scormDriver';

const context = {
  letterOf: (_q: string, choice: string) => ({ c1: 'a', c2: 'b' })[choice] ?? null,
  readNumber: parseLearnerNumber,
  language: 'en',
};
const answers: Interaction[] = [
  {
    id: 'q-1',
    type: 'choice',
    result: 'incorrect',
    latencyMs: 4200,
    timestamp: new Date(),
    description: 'Pick one',
    learnerResponse: ['c2'],
    correctResponse: ['c1'],
  },
  {
    id: 'q-1',
    type: 'choice',
    result: 'correct',
    latencyMs: 2100,
    timestamp: new Date(),
    description: 'Pick one',
    learnerResponse: ['c1'],
    correctResponse: ['c1'],
  },
  {
    id: 'q-2',
    type: 'true-false',
    result: 'correct',
    latencyMs: 900,
    timestamp: new Date(),
    description: 'True?',
    learnerResponse: true,
    correctResponse: true,
  },
  {
    id: 'q-3',
    type: 'fill-in',
    result: 'correct',
    latencyMs: 900,
    timestamp: new Date(),
    description: '{Capital} of "France" 🎓',
    learnerResponse: 'paris',
    correctResponse: ['Paris'],
    caseMatters: false,
  },
  {
    id: 'q-4',
    type: 'numeric',
    result: 'correct',
    latencyMs: 900,
    timestamp: new Date(),
    description: '7/2',
    learnerResponse: '3,5',
    correctResponse: { min: 3.4, max: 3.6 },
  },
];

const [firstAnswer] = answers as [Interaction, ...Interaction[]];

interface Cmi12 {
  core: { lesson_status: string; score: { raw: string }; lesson_location: string; exit: string; session_time: string };
  suspend_data: string;
  interactions: Record<string, { id: string; type: string; result: string }>;
}

interface Cmi2004 {
  completion_status: string;
  success_status: string;
  score: { scaled: string };
  progress_measure: string;
  exit: string;
  session_time: string;
  interactions: Record<
    string,
    {
      result: string;
      learner_response: string;
      description: string;
      correct_responses: Record<string, { pattern: string }>;
    }
  >;
}

/** A fake clock: timers run when `advance` passes their time, so commit spacing can be checked without waiting. */
function fakeClock() {
  let now = 0;
  let timers: { at: number; task: () => void }[] = [];
  return {
    now: () => now,
    setTimer(task: () => void, ms: number) {
      const timer = { at: now + ms, task };
      timers.push(timer);
      return () => void (timers = timers.filter((other) => other !== timer));
    },
    /** Moves time on, running each timer due on the way at its own time. */
    advance(ms: number) {
      const end = now + ms;
      for (;;) {
        const next = timers.filter((timer) => timer.at <= end).sort((a, b) => a.at - b.at)[0];
        if (!next) break;
        timers = timers.filter((timer) => timer !== next);
        now = Math.max(now, next.at);
        next.task();
      }
      now = end;
    },
  };
}

async function session(version: '12' | '2004', api: object) {
  const log = createCallLog(version);
  const clock = fakeClock();
  const driver = createScormDriver(api, version === '12' ? DIALECT_12 : DIALECT_2004, log);
  const adapter = createScormAdapter(
    driver,
    log,
    version === '12' ? scorm12Profile(context) : scorm2004Profile(context),
    {
      now: clock.now,
      setTimer: (task, ms) => clock.setTimer(task, ms),
    },
  );
  const flush = () => clock.advance(60_000);
  return { log, adapter, flush, clock, start: await adapter.start() };
}

describe('the SCORM adapters against scorm-again', () => {
  it('SCORM 1.2: every value is accepted and lands where an LMS reads it', async () => {
    const api = new Scorm12API({ autocommit: false, logLevel: 5 });
    const { log, adapter, flush, start } = await session('12', api);
    expect(start).toEqual({ resumeState: null, mode: 'normal' });
    for (const answer of answers) adapter.interaction(answer);
    adapter.score({ raw: 3, min: 0, max: 4, scaled: 0.75 });
    adapter.completion({ completion: 'completed', success: 'failed' });
    adapter.suspend('FS1:{"p":1}');
    adapter.progress({ progressMeasure: 1, locationMs: 61_500 });
    flush();
    await adapter.finish();
    expect(log.entries().filter((entry) => entry.error)).toEqual([]);
    // Through JSON: scorm-again's getters refuse write-only elements (exit, session_time) except when serialising.
    const cmi = JSON.parse(JSON.stringify(api.cmi)) as Cmi12;
    expect(cmi.core.lesson_status).toBe('failed');
    expect(cmi.core.score.raw).toBe('75');
    expect(cmi.core.lesson_location).toBe('61');
    expect(cmi.core.exit).toBe('');
    expect(cmi.suspend_data).toBe('FS1:{"p":1}');
    expect(Object.values(cmi.interactions).map((item) => [item.id, item.type, item.result])).toEqual([
      ['q-1', 'choice', 'wrong'],
      ['q-1', 'choice', 'correct'],
      ['q-2', 'true-false', 'correct'],
      ['q-3', 'fill-in', 'correct'],
      ['q-4', 'numeric', 'correct'],
    ]);
    expect(cmi.core.session_time).toMatch(/^\d{2,4}:\d{2}:\d{2}(\.\d{1,2})?$/);
  });

  it('SCORM 2004: every value is accepted, with 2004 formats', async () => {
    const api = new Scorm2004API({ autocommit: false, logLevel: 5 });
    const { log, adapter, flush } = await session('2004', api);
    for (const answer of answers) adapter.interaction(answer);
    adapter.score({ raw: 3, min: 0, max: 4, scaled: 0.75 });
    adapter.completion({ completion: 'incomplete', success: 'unknown' });
    adapter.progress({ progressMeasure: 0.5, locationMs: 30_000 });
    flush();
    await adapter.finish();
    expect(log.entries().filter((entry) => entry.error)).toEqual([]);
    const cmi = JSON.parse(JSON.stringify(api.cmi)) as Cmi2004;
    expect([cmi.completion_status, cmi.success_status, cmi.score.scaled, cmi.progress_measure, cmi.exit]).toEqual([
      'incomplete',
      'unknown',
      '0.75',
      '0.5',
      'suspend',
    ]);
    const items = Object.values(cmi.interactions);
    expect(items.map((item) => item.result)).toEqual(['incorrect', 'correct', 'correct', 'correct', 'correct']);
    expect(items[0]?.learner_response).toBe('b');
    expect(items[3]?.description).toBe('{lang=en}(Capital} of "France" 🎓');
    expect(Object.values(items[4]?.correct_responses ?? {})[0]?.pattern).toBe('3.4[:]3.6');
    expect(Object.values(items[3]?.correct_responses ?? {})[0]?.pattern).toBe('{case_matters=false}Paris');
    expect(cmi.session_time).toMatch(/^PT/);
  });

  it('records what the LMS refuses, and never throws', async () => {
    const refusing = {
      Initialize: () => 'true',
      GetValue: () => '',
      SetValue: () => 'false',
      Commit: () => 'true',
      Terminate: () => 'true',
      GetLastError: () => '405',
      GetErrorString: () => 'Element is read only',
      GetDiagnostic: () => '',
    };
    const { adapter, flush, log } = await session('2004', refusing);
    adapter.progress({ progressMeasure: 0.2, locationMs: 1000 });
    flush();
    expect(adapter.lastError()).toMatch(/SetValue\("cmi\.\w+", .*\): error 405 Element is read only/);
    expect(log.entries().some((entry) => entry.error !== null)).toBe(true);
  });

  it('sets only what changed, commits an answer at once and a stop at most every two seconds', async () => {
    const api = new Scorm2004API({ autocommit: false, logLevel: 5 });
    const commits: number[] = [];
    const sets: string[] = [];
    const { adapter, clock } = await session('2004', api);
    api.on('Commit', () => commits.push(clock.now()));
    api.on('SetValue.cmi.*', (element: string) => sets.push(element));
    // Nothing is written at start: a review launch must stay untouched, and a normal one has nothing to say yet.
    expect(sets).toEqual([]);
    adapter.progress({ progressMeasure: 0.1, locationMs: 1000 });
    adapter.flush();
    clock.advance(0);
    expect(commits).toEqual([0]);
    adapter.progress({ progressMeasure: 0.1, locationMs: 1000 });
    adapter.flush();
    clock.advance(500);
    expect(commits, 'nothing changed, so no commit').toEqual([0]);
    expect(sets.filter((element) => element === 'cmi.progress_measure')).toHaveLength(1);
    adapter.progress({ progressMeasure: 0.2, locationMs: 2000 });
    adapter.flush();
    clock.advance(1000);
    expect(commits, 'a stop soon after the last commit waits for the gap').toEqual([0]);
    clock.advance(500);
    expect(commits).toEqual([0, 2000]);
    adapter.interaction(firstAnswer);
    clock.advance(0);
    expect(commits, 'an answer commits at once').toEqual([0, 2000, 2000]);
    adapter.suspend('FS1:{"a":1}');
    clock.advance(9000);
    expect(commits, 'values set while playing wait for the background gap').toEqual([0, 2000, 2000]);
    clock.advance(2000);
    expect(commits).toEqual([0, 2000, 2000, 12_000]);
    expect(sets.filter((element) => element === 'cmi.exit')).toEqual(['cmi.exit']);
  });

  it('writes nothing in review mode, and only terminates', async () => {
    const api = new Scorm2004API({ autocommit: false, logLevel: 5 });
    api.loadFromJSON({ mode: 'review', credit: 'no-credit' }, '');
    const calls: string[] = [];
    for (const name of ['SetValue.cmi.*', 'Commit', 'Terminate']) api.on(name, () => calls.push(name));
    const { adapter, flush, start } = await session('2004', api);
    expect(start.mode).toBe('review');
    adapter.interaction(firstAnswer);
    adapter.completion({ completion: 'completed', success: 'passed' });
    adapter.suspend('FS1:{}');
    adapter.flush();
    flush();
    await adapter.finish();
    expect(calls).toEqual(['Terminate']);
  });
});
