import { describe, expect, it } from 'vitest';
import type { ViewingEvent } from '../adapter';
import { createViewingRecorder } from './viewing';

function recorder() {
  const events: ViewingEvent[] = [];
  return { events, viewing: createViewingRecorder((event) => events.push(event)) };
}

describe('the viewing recorder', () => {
  it('joins ticks into one span until a pause, and reports the pause', () => {
    const { events, viewing } = recorder();
    for (let at = 0; at < 5_000; at += 250) viewing.watched(at, at + 250, 1);
    viewing.paused(5_000);
    expect(events).toEqual([
      { kind: 'watched', fromMs: 0, toMs: 5_000, rate: 1 },
      { kind: 'paused', atMs: 5_000 },
    ]);
  });

  it('a jump ends the span; playing again starts a new one where the learner landed', () => {
    const { events, viewing } = recorder();
    viewing.watched(0, 4_000, 1);
    viewing.jumped(4_000, 1_000);
    viewing.watched(1_000, 2_000, 1);
    viewing.flush();
    expect(events).toEqual([
      { kind: 'watched', fromMs: 0, toMs: 4_000, rate: 1 },
      { kind: 'seeked', fromMs: 4_000, toMs: 1_000 },
      { kind: 'watched', fromMs: 1_000, toMs: 2_000, rate: 1 },
    ]);
  });

  it('a change of speed ends the span and is reported; long spans are cut so little is lost', () => {
    const { events, viewing } = recorder();
    viewing.watched(0, 1_000, 1);
    viewing.watched(1_000, 2_000, 1.5);
    for (let at = 2_000; at < 40_000; at += 1_000) viewing.watched(at, at + 1_000, 1.5);
    viewing.flush();
    viewing.flush();
    expect(events).toEqual([
      { kind: 'watched', fromMs: 0, toMs: 1_000, rate: 1 },
      { kind: 'rate', rate: 1.5 },
      { kind: 'watched', fromMs: 1_000, toMs: 31_000, rate: 1.5 },
      { kind: 'watched', fromMs: 31_000, toMs: 40_000, rate: 1.5 },
    ]);
  });
});
