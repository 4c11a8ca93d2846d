import { randomUUID } from 'node:crypto';
import type { LearnerEvent } from '@shared/classServer/events';

type Without<E> = E extends unknown ? Omit<E, 'id' | 'at'> : never;

/** A learner event with a fresh id, at `at` on the learner's clock. */
export function event(at: number, body: Without<LearnerEvent>): LearnerEvent {
  return { id: randomUUID(), at, ...body };
}

/** Continuous playback from `fromMs` to `toMs`, reported as the player does: one span per 10 s at most. */
export function watched(at: number, fromMs: number, toMs: number, rate = 1): LearnerEvent[] {
  const spans: LearnerEvent[] = [];
  for (let from = fromMs; from < toMs; from += 10_000)
    spans.push(
      event(at + (from - fromMs), { kind: 'watched', fromMs: from, toMs: Math.min(toMs, from + 10_000), rate }),
    );
  return spans;
}
