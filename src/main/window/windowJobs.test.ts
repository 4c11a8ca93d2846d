import { EventEmitter } from 'node:events';
import { describe, expect, it } from 'vitest';
import { JobRegistry } from '../jobs/JobRegistry';
import { cancelJobsWhenPageGoes, type PageEvents } from './windowJobs';

/** What Electron's WebContents emits, from a plain emitter: Electron itself cannot run on this machine. */
function page(id: number): PageEvents & EventEmitter {
  return Object.assign(new EventEmitter(), { id });
}

function twoWindowsRendering() {
  const jobs = new JobRegistry();
  const first = page(3);
  const second = page(4);
  cancelJobsWhenPageGoes(first, jobs);
  cancelJobsWhenPageGoes(second, jobs);
  const mine = jobs.begin({ kind: 'render', owner: 'window:3' });
  const theirs = jobs.begin({ kind: 'render', owner: 'window:4' });
  return { first, mine, theirs };
}

describe('a window’s jobs end with its page', () => {
  it.each([
    ['closes', 'destroyed', undefined],
    ['crashes', 'render-process-gone', undefined],
    ['reloads', 'did-start-navigation', { isMainFrame: true, isSameDocument: false }],
  ] as const)('cancels only that window’s jobs when its page %s', (_what, event, details) => {
    const { first, mine, theirs } = twoWindowsRendering();
    first.emit(event, details);
    expect(mine.signal.aborted).toBe(true);
    expect(theirs.signal.aborted).toBe(false);
  });

  it('keeps them while the page only moves between screens or a frame inside it navigates', () => {
    const { first, mine } = twoWindowsRendering();
    first.emit('did-start-navigation', { isMainFrame: true, isSameDocument: true });
    first.emit('did-start-navigation', { isMainFrame: false, isSameDocument: false });
    expect(mine.signal.aborted).toBe(false);
  });
});
