import type { LearnerEvent } from '@shared/classServer/events';
import { EVENTS_PER_BATCH } from '@shared/classServer/events';
import type { KeyValueStorage } from '../standaloneAdapter';

/** What one send came to: stored, try later, or stop (the session ended, or the learner was removed). */
export type SendOutcome = 'sent' | 'retry' | 'rejected' | 'unauthorized' | 'gone';

export interface EventQueueOptions {
  readonly storage: KeyValueStorage;
  readonly key: string;
  readonly send: (events: readonly LearnerEvent[], keepalive: boolean) => Promise<SendOutcome>;
  readonly onProblem: (message: string | null) => void;
  readonly setTimer?: (task: () => void, ms: number) => unknown;
  readonly clearTimer?: (handle: unknown) => void;
}

/** A learner offline for a whole lesson makes a few hundred events; this is far beyond that, and under quota. */
export const QUEUE_MAX = 10_000;
const SOON_MS = 2_000;
const BACKOFF_MS = [1_000, 2_000, 5_000, 10_000, 20_000, 30_000];

export interface EventQueue {
  push(event: LearnerEvent): void;
  /** Send what is waiting now rather than in a moment (an answer; the network came back). */
  flushNow(): void;
  /** The page is going away: one last send that outlives it (fetch keepalive). */
  flushOnExit(): void;
  size(): number;
}

/**
 * Everything the learner does goes into this queue first and is written to the browser's storage at once, then sent
 * in batches. A failed send is retried with growing pauses until the server takes it, so minutes offline (or a
 * closed tab, sent on the next visit) lose nothing; the server stores each event once by its id, so sending twice is
 * harmless.
 */
export function createEventQueue(options: EventQueueOptions): EventQueue {
  const setTimer = options.setTimer ?? ((task, ms) => setTimeout(task, ms));
  const clearTimer = options.clearTimer ?? ((handle) => clearTimeout(handle as ReturnType<typeof setTimeout>));
  let events: LearnerEvent[] = load();
  let timer: unknown = null;
  let sending = false;
  let failures = 0;
  let stopped = false;

  function load(): LearnerEvent[] {
    try {
      const raw = options.storage.getItem(options.key);
      const parsed: unknown = raw ? JSON.parse(raw) : [];
      return Array.isArray(parsed) ? (parsed as LearnerEvent[]) : [];
    } catch {
      return [];
    }
  }

  const persist = () => {
    try {
      options.storage.setItem(options.key, JSON.stringify(events));
    } catch {
      options.onProblem('Progress could not be kept in this browser; it is still sent while online.');
    }
  };

  const schedule = (ms: number) => {
    if (stopped || timer !== null) return;
    timer = setTimer(() => {
      timer = null;
      void flush();
    }, ms);
  };

  async function flush(): Promise<void> {
    if (sending || stopped || events.length === 0) return;
    sending = true;
    const batch = events.slice(0, EVENTS_PER_BATCH);
    let outcome: SendOutcome;
    try {
      outcome = await options.send(batch, false);
    } catch {
      outcome = 'retry';
    }
    sending = false;
    const sent = new Set(batch.map((event) => event.id));
    if (outcome === 'sent' || outcome === 'rejected') {
      // A batch the server refuses as malformed would block the queue forever; it is dropped and said so.
      events = events.filter((event) => !sent.has(event.id));
      persist();
      failures = 0;
      options.onProblem(outcome === 'rejected' ? 'The server refused part of the record (see the log).' : null);
      if (events.length > 0) schedule(0);
      return;
    }
    if (outcome === 'gone' || outcome === 'unauthorized') {
      stopped = true;
      if (outcome === 'gone') {
        events = [];
        persist();
      }
      options.onProblem(
        outcome === 'gone'
          ? 'Your teacher removed your record of this lesson: nothing more is saved.'
          : 'This lesson session ended: open the lesson from its link again to go on saving.',
      );
      return;
    }
    failures += 1;
    options.onProblem('Offline: your progress is kept in this browser and sent when the connection is back.');
    schedule(BACKOFF_MS[Math.min(failures - 1, BACKOFF_MS.length - 1)] ?? 30_000);
  }

  return {
    push(event) {
      events.push(event);
      if (events.length > QUEUE_MAX) events = events.slice(-QUEUE_MAX);
      persist();
      schedule(SOON_MS);
    },
    flushNow() {
      if (timer !== null) {
        clearTimer(timer);
        timer = null;
      }
      void flush();
    },
    flushOnExit() {
      if (stopped || events.length === 0) return;
      // What keepalive takes is capped (64 KB); anything left stays stored and goes on the next visit.
      void options.send(events.slice(0, 50), true).catch(() => undefined);
    },
    size: () => events.length,
  };
}
