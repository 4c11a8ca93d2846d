import { describe, expect, it } from 'vitest';
import { followJobs, type QueuedJob } from './followJobs';

const job = (id: number, label: string, change: Partial<QueuedJob> = {}): QueuedJob => ({
  id,
  label,
  state: 'queued',
  progress: null,
  render: null,
  error: null,
  ...change,
});
const render = (id: string) => ({ id });

describe('followJobs', () => {
  it('counts progress over every size, naming the one rendering', () => {
    const jobs = [
      job(1, '720p', { state: 'done', render: render('r1') }),
      job(2, '360p', { state: 'running', progress: { percent: 50, speed: 4, etaMs: 2_000 } }),
      job(3, 'Other lesson', { state: 'running' }),
    ];
    expect(followJobs(jobs, [1, 2])).toEqual({
      state: 'running',
      fraction: 0.75,
      label: 'Rendering 360p (2 of 2)…',
      etaMs: 2_000,
    });
    expect(followJobs([job(4, '720p')], [4])).toEqual({
      state: 'running',
      fraction: 0,
      label: 'Rendering 720p…',
      etaMs: null,
    });
  });

  it('is done with the renders once every size is', () => {
    const jobs = [
      job(1, '720p', { state: 'done', render: render('r1') }),
      job(2, '360p', { state: 'done', render: render('r2') }),
    ];
    expect(followJobs(jobs, [1, 2])).toEqual({ state: 'done', renderIds: ['r1', 'r2'] });
  });

  it('stops at the first failure or cancel, or when a job was taken off the queue', () => {
    expect(followJobs([job(1, '720p', { state: 'failed', error: 'Disk full' }), job(2, '360p')], [1, 2])).toEqual({
      state: 'failed',
      error: 'The 720p render failed: Disk full',
    });
    expect(followJobs([job(1, '720p', { state: 'cancelled' }), job(2, '360p')], [1, 2])).toEqual({
      state: 'cancelled',
    });
    expect(followJobs([job(2, '360p')], [1, 2])).toEqual({ state: 'cancelled' });
  });
});
