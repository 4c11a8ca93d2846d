import { describe, expect, it } from 'vitest';
import type { PlayerAdapter } from '../adapter';
import { createReporter } from './reporter';
import { testSession } from './testLesson.testkit';

function recordingAdapter(): PlayerAdapter & { calls: string[] } {
  const calls: string[] = [];
  return {
    calls,
    start: async () => ({ resumeState: null, mode: 'normal' }),
    progress: () => void calls.push('progress'),
    interaction: () => void calls.push('interaction'),
    score: () => void calls.push('score'),
    completion: () => void calls.push('completion'),
    suspend: () => void calls.push('suspend'),
    flush: () => void calls.push('flush'),
    finish: async () => void calls.push('finish'),
    lastError: () => null,
  };
}

const timing = { latencyMs: 10, timestamp: new Date(0) };

describe('createReporter', () => {
  it('reports an answer, then the status and the saved state, but no running score while the attempt is open', () => {
    const adapter = recordingAdapter();
    const session = testSession();
    const reporter = createReporter(adapter, session, 'normal');
    const [first] = session.checkpoints;
    if (!first) throw new Error('fixture');
    const outcome = session.answer(first, { type: 'single', choiceId: 'a' }, timing);
    if (outcome.kind !== 'scored') throw new Error('scored');
    reporter.answered(outcome.interaction);
    expect(adapter.calls).toEqual(['interaction', 'completion', 'suspend', 'progress']);
  });

  it('finishes once, saving first, and stays quiet afterwards', async () => {
    const adapter = recordingAdapter();
    const reporter = createReporter(adapter, testSession(), 'normal');
    await reporter.finish();
    await reporter.finish();
    reporter.save();
    expect(adapter.calls).toEqual(['suspend', 'progress', 'completion', 'finish']);
  });

  it('records nothing in review mode but still closes the session', async () => {
    const adapter = recordingAdapter();
    const reporter = createReporter(adapter, testSession(), 'review');
    reporter.save();
    reporter.result();
    await reporter.finish();
    expect(adapter.calls).toEqual(['finish']);
  });
});
