import { describe, expect, it } from 'vitest';
import { Interrupted, JobCancelled, JobRegistry, type JobKind, type PartsLedger } from './JobRegistry';

/** A job that runs until its signal is aborted, then takes a moment to clean up, as a real one does. */
function longJob(registry: JobRegistry, spec: { kind?: JobKind; owner?: string; key?: string } = {}) {
  const steps: string[] = [];
  const done = registry.run({ kind: spec.kind ?? 'publish', ...spec }, async (job) => {
    await new Promise<void>((resolve) => job.signal.addEventListener('abort', () => resolve(), { once: true }));
    await new Promise((resolve) => setTimeout(resolve, 20));
    steps.push('cleaned up');
    throw new Error('stopped');
  });
  return { steps, done: done.catch((error: unknown) => (error as Error).message) };
}

describe('JobRegistry', () => {
  it('refuses a second job with the same key while the first runs (one take: recover and discard)', async () => {
    const registry = new JobRegistry();
    const first = registry.begin({ kind: 'recover', key: 'take:1' });
    expect(() => registry.begin({ kind: 'recording', key: 'take:1' })).toThrow(/already in progress/);
    expect(registry.begin({ kind: 'recover', key: 'take:2' }).state).toBe('running');
    first.end();
    expect(registry.begin({ kind: 'recording', key: 'take:1' }).state).toBe('running');
  });

  it('closeAll cancels every job and resolves only after each has cleaned up, then refuses new ones', async () => {
    const registry = new JobRegistry();
    const a = longJob(registry);
    const b = longJob(registry, { kind: 'import' });
    await registry.closeAll();
    expect(a.steps).toEqual(['cleaned up']);
    expect(b.steps).toEqual(['cleaned up']);
    expect(registry.running()).toEqual([]);
    expect(() => registry.begin({ kind: 'render' })).toThrow(/closing/);
    await expect(a.done).resolves.toBe('stopped');
  });

  it('says why a job stopped: the teacher cancelled it, or its window or the studio went away', async () => {
    const registry = new JobRegistry();
    const cancelled = registry.begin({ kind: 'publish' });
    const orphaned = registry.begin({ kind: 'publish', owner: 'window:2' });
    const closed = registry.begin({ kind: 'publish' });
    for (const job of [cancelled, orphaned, closed]) job.signal.addEventListener('abort', () => job.end('cancelled'));
    registry.cancel(cancelled.id);
    await registry.cancelOwner('window:2');
    await registry.closeAll();
    expect(cancelled.signal.reason).toBeInstanceOf(JobCancelled);
    expect(orphaned.signal.reason).toBeInstanceOf(Interrupted);
    expect(closed.signal.reason).toBeInstanceOf(Interrupted);
  });

  it('lets a job marked finishOnClose finish when closing, rather than cancelling it', async () => {
    const registry = new JobRegistry();
    const steps: string[] = [];
    const backup = registry.run({ kind: 'backup', finishOnClose: true }, async (job) => {
      await new Promise((resolve) => setTimeout(resolve, 30));
      steps.push(job.signal.aborted ? 'cancelled' : 'finished');
    });
    const publish = longJob(registry);
    await registry.closeAll();
    expect(steps).toEqual(['finished']);
    expect(publish.steps).toEqual(['cleaned up']);
    await backup;
  });

  it("cancels one owner's jobs in one call and leaves the others running", async () => {
    const registry = new JobRegistry();
    const mine = longJob(registry, { owner: 'window:1' });
    const theirs = longJob(registry, { owner: 'window:2' });
    await registry.cancelOwner('window:1');
    expect(mine.steps).toEqual(['cleaned up']);
    expect(theirs.steps).toEqual([]);
    expect(registry.running().map((job) => job.owner)).toEqual(['window:2']);
    await registry.closeAll();
  });

  it('records the state a job ended in: done, failed, or cancelled', async () => {
    const registry = new JobRegistry();
    const ok = registry.begin({ kind: 'render' });
    ok.end();
    await expect(registry.run({ kind: 'render' }, () => Promise.reject(new Error('no')))).rejects.toThrow('no');
    const cancelled = registry.begin({ kind: 'render', onCancel: () => cancelled.end() });
    registry.cancel(cancelled.id);
    expect([ok.state, registry.running().length, cancelled.state]).toEqual(['done', 0, 'cancelled']);
  });

  it('answers for ended jobs a while, then prunes them: by count and by age', () => {
    const clock = { now: 0 };
    const registry = new JobRegistry({ keepEnded: 2, keepEndedMs: 1000, now: () => clock.now });
    const ids = [1, 2, 3].map(() => {
      clock.now += 1;
      const job = registry.begin({ kind: 'publish' }, (id) => ({ id }));
      job.end();
      return job.id;
    });
    expect(ids.map((id) => registry.find(id, 'publish') !== undefined)).toEqual([false, true, true]);
    expect(registry.find(ids[2] ?? '', 'render')).toBeUndefined();
    clock.now += 2000;
    expect(registry.find(ids[2] ?? '', 'publish')).toBeUndefined();
  });

  it('keeps a ledger of partial outputs while a job runs, and clears it when the job ends', () => {
    const rows = new Map<string, readonly string[]>();
    const ledger: PartsLedger = {
      record: (id, _kind, parts) => rows.set(id, [...parts]),
      forget: (id) => rows.delete(id),
    };
    const registry = new JobRegistry({ ledger });
    const job = registry.begin({ kind: 'publish', parts: ['/lib/a.zip.part'] });
    job.addPart('/out/.b.flipside-1.part');
    expect(rows.get(job.id)).toEqual(['/lib/a.zip.part', '/out/.b.flipside-1.part']);
    job.end();
    expect(rows.size).toBe(0);
  });
});
