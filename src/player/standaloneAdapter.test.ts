import { describe, expect, it } from 'vitest';
import { deserializeState, freshState, recordPlayback, serializeState } from '@shared/checkpoints';
import type { Interaction } from './adapter';
import {
  createStandaloneAdapter,
  INTERACTIONS_KEPT,
  readRecord,
  storageKey,
  type KeyValueStorage,
} from './standaloneAdapter';

/** A real, in-memory store with the Web Storage methods we use. */
class MapStorage implements KeyValueStorage {
  readonly items = new Map<string, string>();
  failWrites = false;
  getItem(key: string): string | null {
    return this.items.get(key) ?? null;
  }
  setItem(key: string, value: string): void {
    if (this.failWrites) throw new Error('QuotaExceededError');
    this.items.set(key, value);
  }
}

const interaction = (n: number): Interaction => ({
  id: `q${n}`,
  type: 'choice',
  learnerResponse: ['b'],
  correctResponse: ['a'],
  result: 'incorrect',
  latencyMs: 4_200,
  timestamp: new Date(Date.UTC(2025, 0, 1, 12, 0, n % 60)),
  description: 'Which is the capital?',
});

describe('createStandaloneAdapter', () => {
  it('starts with nothing to resume, in normal mode', async () => {
    const adapter = createStandaloneAdapter({ storage: new MapStorage(), lessonId: 'l1' });
    expect(await adapter.start()).toEqual({ resumeState: null, mode: 'normal' });
    expect(adapter.lastError()).toBeNull();
  });

  it('keeps everything per lesson and hands the suspend data back on the next start', async () => {
    const storage = new MapStorage();
    const lesson = { durationMs: 60_000, checkpoints: [] };
    const first = createStandaloneAdapter({ storage, lessonId: 'l1', now: () => new Date(Date.UTC(2025, 0, 2)) });
    await first.start();
    const suspended = serializeState(recordPlayback(freshState(), 0, 1_000), lesson);
    first.suspend(suspended);
    first.progress({ progressMeasure: 0.25, locationMs: 1_000 });
    first.interaction(interaction(1));
    first.score({ raw: 1, min: 0, max: 4, scaled: 0.25 });
    first.completion({ completion: 'incomplete', success: 'unknown' });
    await first.finish();

    const second = createStandaloneAdapter({ storage, lessonId: 'l1' });
    const started = await second.start();
    expect(started.resumeState).toBe(suspended);
    expect(deserializeState(started.resumeState, lesson).state.furthestMs).toBe(1_000);
    expect(readRecord(storage, 'l1').record).toEqual({
      version: 1,
      suspendData: suspended,
      progress: { progressMeasure: 0.25, locationMs: 1_000 },
      score: { raw: 1, min: 0, max: 4, scaled: 0.25 },
      completion: { completion: 'incomplete', success: 'unknown' },
      interactions: [interaction(1)],
      finishedAt: '2025-01-02T00:00:00.000Z',
    });
    expect(await createStandaloneAdapter({ storage, lessonId: 'other' }).start()).toEqual({
      resumeState: null,
      mode: 'normal',
    });
  });

  it('keeps the latest interactions only', async () => {
    const storage = new MapStorage();
    const adapter = createStandaloneAdapter({ storage, lessonId: 'l1' });
    await adapter.start();
    for (let n = 0; n < INTERACTIONS_KEPT + 5; n += 1) adapter.interaction(interaction(n));
    const { interactions } = readRecord(storage, 'l1').record;
    expect(interactions).toHaveLength(INTERACTIONS_KEPT);
    expect(interactions[0]?.id).toBe('q5');
  });

  it('refuses malformed calls without throwing, and says why', async () => {
    const storage = new MapStorage();
    const adapter = createStandaloneAdapter({ storage, lessonId: 'l1' });
    await adapter.start();
    expect(() => adapter.score({ raw: 5, min: 0, max: 4, scaled: 1 })).not.toThrow();
    expect(adapter.lastError()).toMatch(/^score: /);
    adapter.progress({ progressMeasure: 2, locationMs: 0 });
    expect(adapter.lastError()).toMatch(/^progress: progressMeasure/);
    adapter.suspend('x'.repeat(5_000));
    expect(adapter.lastError()).toMatch(/^suspend: /);
    expect(readRecord(storage, 'l1').record.score).toBeNull();
  });

  it('survives a full or disabled storage', async () => {
    const storage = new MapStorage();
    const adapter = createStandaloneAdapter({ storage, lessonId: 'l1' });
    await adapter.start();
    storage.failWrites = true;
    expect(() => adapter.suspend('FS1:{}')).not.toThrow();
    expect(adapter.lastError()).toMatch(/could not be saved.*QuotaExceededError/);
    await expect(adapter.finish()).resolves.toBeUndefined();
  });

  it.each([
    ['not JSON', '{nope'],
    ['the wrong shape', '{"version":1,"suspendData":5}'],
    ['a future version', '{"version":2}'],
  ])('starts afresh from a stored record that is %s', async (_name, stored) => {
    const storage = new MapStorage();
    storage.items.set(storageKey('l1'), stored);
    const adapter = createStandaloneAdapter({ storage, lessonId: 'l1' });
    expect(await adapter.start()).toEqual({ resumeState: null, mode: 'normal' });
    expect(adapter.lastError()).toMatch(/starting afresh/);
  });
});
