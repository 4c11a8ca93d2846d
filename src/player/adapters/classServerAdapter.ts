import type { z } from 'zod';
import { classServerApi, type ApiErrorCode } from '@shared/classServer/api';
import type { LearnerEvent } from '@shared/classServer/events';
import type { PlayerAdapter, StartResult, ViewingEvent } from '../adapter';
import type { KeyValueStorage } from '../standaloneAdapter';
import type { CallLog } from './callLog';
import { createEventQueue, type EventQueue, type SendOutcome } from './eventQueue';

export interface ClassServerAdapterOptions {
  readonly lessonId: string;
  /** Where the page is: the session arrives in its fragment, and the join page is two folders up. */
  readonly location: { href: string; hash: string; assign(url: string): void };
  readonly replaceUrl: (url: string) => void;
  /** sessionStorage: the session survives a reload of this tab, not the tab. */
  readonly sessionStorage: KeyValueStorage;
  /** localStorage: the queue and the last state survive the tab, so nothing is lost when it closes offline. */
  readonly storage: KeyValueStorage;
  readonly fetch: typeof fetch;
  readonly log: CallLog;
  readonly now?: () => number;
  readonly uuid?: () => string;
  /** The browser's `online` event: the queue sends at once instead of waiting out its pause. */
  readonly onOnline?: (listener: () => void) => void;
}

/** Short and stable, to key a learner's queue without writing their session into storage keys. */
function fingerprint(text: string): string {
  let hash = 0x811c9dc5;
  for (let index = 0; index < text.length; index += 1) {
    hash ^= text.charCodeAt(index);
    hash = Math.imul(hash, 0x01000193) >>> 0;
  }
  return hash.toString(36);
}

function outcomeOf(status: number, code: ApiErrorCode | null): SendOutcome {
  if (status >= 200 && status < 300) return 'sent';
  if (status === 401) return 'unauthorized';
  if (status === 410 || code === 'gone') return 'gone';
  if (status === 400 || status === 413) return 'rejected';
  return 'retry';
}

/**
 * The player's adapter for a lesson hosted on the class server: the session from the join page, resume state from
 * the server (or this browser when offline), and every answer, score, completion, bookmark and viewing span sent
 * through a stored queue.
 */
export function createClassServerAdapter(options: ClassServerAdapterOptions): PlayerAdapter {
  const now = options.now ?? (() => Date.now());
  const uuid = options.uuid ?? (() => crypto.randomUUID());
  const { log } = options;
  const sessionKey = `flipside:session:${options.lessonId}`;
  let token: string | null = null;
  let queue: EventQueue | null = null;
  let stateKey = '';
  let lastState: string | null = null;
  let problem: string | null = null;

  const joinPage = () => new URL('../../', options.location.href).href;

  const readToken = (): string | null => {
    const match = /(?:^#|&)session=([^&]+)/.exec(options.location.hash);
    if (match?.[1]) {
      const fresh = decodeURIComponent(match[1]);
      try {
        options.sessionStorage.setItem(sessionKey, fresh);
      } catch {
        // Without sessionStorage a reload needs the join page again; the lesson itself still works.
      }
      // Out of the address bar and the history: a copied link must not carry the learner's session.
      options.replaceUrl(options.location.href.replace(/#.*$/, ''));
      return fresh;
    }
    try {
      return options.sessionStorage.getItem(sessionKey);
    } catch {
      return null;
    }
  };

  const request = (path: string, init: RequestInit = {}) =>
    options.fetch(path, {
      ...init,
      headers: { authorization: `Bearer ${token ?? ''}`, ...(init.body ? { 'content-type': 'application/json' } : {}) },
    });

  const send = async (events: readonly LearnerEvent[], keepalive: boolean): Promise<SendOutcome> => {
    const response = await request(classServerApi.events.path, {
      method: 'POST',
      body: JSON.stringify({ events }),
      keepalive,
    });
    let code: ApiErrorCode | null = null;
    if (!response.ok) {
      const body = (await response.json().catch(() => null)) as {
        error?: { code?: ApiErrorCode; message?: string };
      } | null;
      code = body?.error?.code ?? null;
      log.add(
        `send ${events.length} event(s)`,
        String(response.status),
        body?.error?.message ?? `HTTP ${response.status}`,
      );
    } else log.add(`send ${events.length} event(s)`, 'stored', null);
    return outcomeOf(response.status, code);
  };

  const push = (body: DistributiveOmit<LearnerEvent, 'id' | 'at'>, urgent = false) => {
    if (!queue) return;
    queue.push({ id: uuid(), at: now(), ...body });
    if (urgent) queue.flushNow();
  };

  const read = (key: string): string | null => {
    try {
      return options.storage.getItem(key);
    } catch {
      return null;
    }
  };
  // The server keeps everything too; these copies only serve a start while offline.
  const write = (key: string, value: string) => {
    try {
      options.storage.setItem(key, value);
    } catch {
      problem = 'This browser does not keep progress; it is sent to the server while online.';
    }
  };
  const keepState = (state: string) => {
    lastState = state;
    write(stateKey, state);
  };

  return {
    async start(): Promise<StartResult> {
      token = readToken();
      if (!token) {
        options.location.assign(joinPage());
        throw new Error('Join your class to start this lesson.');
      }
      let session: z.infer<typeof classServerApi.session.response> | null = null;
      try {
        const response = await request(classServerApi.session.path);
        if (response.status === 401) {
          options.location.assign(joinPage());
          throw new Error('This lesson session has ended. Join your class again to go on.');
        }
        if (response.status === 410)
          throw new Error('Your teacher removed your record of this lesson. Ask them about it.');
        if (!response.ok) throw new TypeError(`The class server answered ${response.status}`);
        session = classServerApi.session.response.parse(await response.json());
        log.add('session', `${session.learnerName} · ${session.className} · version ${session.version}`, null);
      } catch (error) {
        if (!(error instanceof TypeError)) throw error;
        log.add('session', 'offline', error.message);
        problem = 'Offline: your progress is kept in this browser and sent when the connection is back.';
      }
      // Kept per learner, not per session: a new session (joined again, another day) still sends what an earlier one
      // left in this browser. Offline, the learner this session was last seen to be stands in.
      const learnerOfSession = `flipside:learnerOf:${fingerprint(token)}`;
      const learner = session?.learnerId ?? read(learnerOfSession) ?? fingerprint(token);
      if (session) write(learnerOfSession, session.learnerId);
      stateKey = `flipside:state:${options.lessonId}:${learner}`;
      const started = createEventQueue({
        storage: options.storage,
        key: `flipside:queue:${options.lessonId}:${learner}`,
        send,
        onProblem: (message) => {
          problem = message;
          if (message) log.note(message);
        },
      });
      queue = started;
      options.onOnline?.(() => started.flushNow());
      const kept = read(stateKey);
      if (!session) return { resumeState: kept, mode: 'normal' };
      started.flushNow();
      // This browser's copy is newer while it holds what an offline stretch added, not yet sent.
      const resumeState = started.size() > 0 && kept ? kept : (session.resumeState ?? kept);
      return { resumeState, learnerName: session.learnerName, mode: 'normal' };
    },
    progress(progress) {
      push({
        kind: 'progress',
        progress: progress.progressMeasure,
        locationMs: progress.locationMs,
        state: lastState ?? '',
      });
    },
    interaction(interaction) {
      push(
        {
          kind: 'answer',
          checkpointId: interaction.id,
          correct: interaction.result === 'correct',
          response: interaction.learnerResponse,
          latencyMs: interaction.latencyMs,
        },
        true,
      );
    },
    score(score) {
      push({ kind: 'score', raw: score.raw, max: score.max, scaled: score.scaled });
    },
    completion(status) {
      push({ kind: 'completion', completion: status.completion, success: status.success }, true);
    },
    suspend(state) {
      keepState(state);
    },
    viewing(event: ViewingEvent) {
      push(event);
    },
    flush() {
      queue?.flushNow();
    },
    finish() {
      queue?.flushOnExit();
      return Promise.resolve();
    },
    lastError: () => problem ?? log.lastError(),
  };
}

type DistributiveOmit<T, K extends PropertyKey> = T extends unknown ? Omit<T, K> : never;
