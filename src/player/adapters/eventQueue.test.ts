import { describe, expect, it } from 'vitest';
import type { LearnerEvent } from '@shared/classServer/events';
import { createEventQueue, type SendOutcome } from './eventQueue';

function memoryStorage() {
  const map = new Map<string, string>();
  return {
    map,
    getItem: (key: string) => map.get(key) ?? null,
    setItem: (key: string, value: string) => void map.set(key, value),
  };
}

let n = 0;
const paused = (atMs: number): LearnerEvent => ({
  id: `00000000-0000-4000-8000-${String((n += 1)).padStart(12, '0')}`,
  at: atMs,
  kind: 'paused',
  atMs,
});

/** Timers run when the test says: the queue's pauses are checked without waiting for them. */
function manualTimers() {
  const pending: { task: () => void; ms: number }[] = [];
  return {
    pending,
    setTimer: (task: () => void, ms: number) => pending.push({ task, ms }),
    clearTimer: () => pending.splice(0),
    async runNext() {
      const next = pending.shift();
      next?.task();
      await new Promise((resolve) => setTimeout(resolve, 0));
      return next?.ms;
    },
  };
}

describe('the event queue', () => {
  it('keeps every event in storage until the server has it, retrying with growing pauses while offline', async () => {
    const storage = memoryStorage();
    const timers = manualTimers();
    const outcomes: SendOutcome[] = ['retry', 'retry', 'sent'];
    const sent: string[][] = [];
    const problems: (string | null)[] = [];
    const queue = createEventQueue({
      storage,
      key: 'q',
      send: (events) => {
        sent.push(events.map((event) => event.id));
        return Promise.resolve(outcomes.shift() ?? 'sent');
      },
      onProblem: (message) => problems.push(message),
      setTimer: timers.setTimer,
      clearTimer: timers.clearTimer,
    });
    queue.push(paused(1));
    queue.push(paused(2));
    expect(JSON.parse(storage.map.get('q') ?? '[]')).toHaveLength(2);
    expect(await timers.runNext()).toBe(2_000);
    expect(await timers.runNext()).toBe(1_000);
    expect(await timers.runNext()).toBe(2_000);
    expect(sent).toHaveLength(3);
    expect(sent[2]).toEqual(sent[0]);
    expect(queue.size()).toBe(0);
    expect(JSON.parse(storage.map.get('q') ?? '[]')).toEqual([]);
    expect(problems.at(-1)).toBeNull();
    expect(problems).toContain('Offline: your progress is kept in this browser and sent when the connection is back.');
  });

  it('a queue left in storage (a tab closed offline) is sent by the next page', async () => {
    const storage = memoryStorage();
    const timers = manualTimers();
    createEventQueue({
      storage,
      key: 'q',
      send: () => Promise.resolve('retry'),
      onProblem: () => undefined,
      ...timers,
    }).push(paused(5));
    const sent: number[] = [];
    const next = createEventQueue({
      storage,
      key: 'q',
      send: (events) => {
        sent.push(events.length);
        return Promise.resolve('sent');
      },
      onProblem: () => undefined,
      setTimer: timers.setTimer,
      clearTimer: timers.clearTimer,
    });
    next.flushNow();
    await new Promise((resolve) => setTimeout(resolve, 0));
    expect(sent).toEqual([1]);
  });

  it('stops when the learner was removed, and drops a batch the server refuses as malformed', async () => {
    const storage = memoryStorage();
    const timers = manualTimers();
    const outcomes: SendOutcome[] = ['rejected', 'gone'];
    const problems: (string | null)[] = [];
    const queue = createEventQueue({
      storage,
      key: 'q',
      send: () => Promise.resolve(outcomes.shift() ?? 'sent'),
      onProblem: (message) => problems.push(message),
      ...timers,
    });
    queue.push(paused(1));
    queue.flushNow();
    await new Promise((resolve) => setTimeout(resolve, 0));
    expect(queue.size()).toBe(0);
    queue.push(paused(2));
    queue.flushNow();
    await new Promise((resolve) => setTimeout(resolve, 0));
    expect(problems.at(-1)).toMatch(/removed your record/);
    queue.push(paused(3));
    expect(timers.pending).toHaveLength(0);
  });
});
