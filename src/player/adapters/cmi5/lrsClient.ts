import type { CallLog } from '../callLog';
import type { Agent } from './launch';

/** What the adapter needs of `fetch`; injectable for unit tests. */
export type Fetch = (url: string, init: RequestInit) => Promise<Response>;

/** Request failures worth retrying: no answer at all, a timeout, too many requests, or the server's own trouble. */
const retryable = (status: number) => status === 0 || status === 408 || status === 429 || status >= 500;

export interface LrsClientOptions {
  readonly endpoint: string;
  readonly fetch: Fetch;
  readonly log: CallLog;
  readonly setTimer?: (task: () => void, ms: number) => void;
}

export interface LrsClient {
  /** cmi5 8.2: one POST to the fetch URL gives the session's token; it works once. */
  fetchToken(url: string): Promise<void>;
  /** A State or Agent Profile document, parsed, or null when there is none (404). Throws when unreachable. */
  getDocument(resource: 'activities/state' | 'agents/profile', query: Record<string, string>): Promise<unknown>;
  /**
   * Queues a write. Writes go out in order, one at a time, retried with growing pauses while the LRS is offline or
   * failing; one the LRS refuses (a 4xx) is logged and dropped, since sending it again cannot help. Never throws.
   */
  enqueue(write: QueuedWrite): void;
  /** Sends what is queued now; `closing`: the page is going away, so the requests outlive it (fetch keepalive). */
  flush(closing?: boolean): void;
  pending(): number;
}

type QueuedWrite =
  | { readonly kind: 'statements'; readonly statements: readonly Record<string, unknown>[] }
  | { readonly kind: 'state'; readonly query: Record<string, string>; readonly document: unknown };

const BACKOFF_MS = [1_000, 2_000, 4_000, 8_000, 15_000];

export function createLrsClient(options: LrsClientOptions): LrsClient {
  const { log } = options;
  const setTimer = options.setTimer ?? ((task, ms) => void setTimeout(task, ms));
  const base = options.endpoint.endsWith('/') ? options.endpoint : `${options.endpoint}/`;
  let token: string | null = null;
  const queue: QueuedWrite[] = [];
  let sending = false;
  let failures = 0;
  let retryPlanned = false;

  const headers = (json: boolean): Record<string, string> => ({
    'X-Experience-API-Version': '1.0.3',
    ...(token === null ? {} : { Authorization: `Basic ${token}` }),
    ...(json ? { 'Content-Type': 'application/json' } : {}),
  });
  const urlOf = (resource: string, query: Record<string, string> = {}) => {
    const url = new URL(resource, base);
    for (const [key, value] of Object.entries(query)) url.searchParams.set(key, value);
    return url.toString();
  };
  const call = async (url: string, init: RequestInit): Promise<Response | null> => {
    try {
      return await options.fetch(url, init);
    } catch {
      return null;
    }
  };

  const send = async (write: QueuedWrite, keepalive: boolean): Promise<'done' | 'retry'> => {
    const [method, url, body, label] =
      write.kind === 'statements'
        ? ['POST', urlOf('statements'), write.statements, `POST statements (${write.statements.length})`]
        : ['PUT', urlOf('activities/state', write.query), write.document, `PUT state ${write.query.stateId ?? ''}`];
    const response = await call(url, { method, headers: headers(true), body: JSON.stringify(body), keepalive });
    const status = response?.status ?? 0;
    if (status >= 200 && status < 300) {
      log.add(label, String(status), null);
      return 'done';
    }
    const reason = status === 0 ? 'the LRS did not answer' : `the LRS answered ${status}`;
    if (retryable(status)) {
      log.add(label, String(status), `${reason}; kept and sent again later`);
      return 'retry';
    }
    log.add(label, String(status), `${reason}; refused, so it is dropped`);
    return 'done';
  };

  const drain = async (keepalive: boolean) => {
    if (sending) return;
    sending = true;
    try {
      for (let write = queue[0]; write; write = queue[0]) {
        if ((await send(write, keepalive)) === 'retry') {
          failures += 1;
          if (!retryPlanned) {
            retryPlanned = true;
            setTimer(
              () => {
                retryPlanned = false;
                void drain(false);
              },
              BACKOFF_MS[Math.min(failures, BACKOFF_MS.length) - 1] ?? 15_000,
            );
          }
          return;
        }
        failures = 0;
        queue.shift();
      }
    } finally {
      sending = false;
    }
  };

  return {
    async fetchToken(url) {
      const response = await call(url, { method: 'POST' });
      const answer = (response?.ok ? await response.json().catch(() => null) : null) as Record<string, unknown> | null;
      const value = answer?.['auth-token'];
      if (typeof value !== 'string' || value === '') {
        const text = answer?.['error-text'];
        const reason = typeof text === 'string' ? text : response ? `status ${response.status}` : 'no answer';
        log.add('POST fetch URL', '', `no authorization token: ${reason}`);
        throw new Error(`The LMS gave this lesson no authorization token (${reason})`);
      }
      token = value;
      log.add('POST fetch URL', 'auth-token', null);
    },
    async getDocument(resource, query) {
      const label = `GET ${resource} ${query.stateId ?? query.profileId ?? ''}`;
      const response = await call(urlOf(resource, query), { method: 'GET', headers: headers(false) });
      if (response?.status === 404) {
        log.add(label, '404', null);
        return null;
      }
      if (!response?.ok) {
        log.add(label, String(response?.status ?? 0), 'the LRS could not be read');
        throw new Error(
          `The learning record store could not be read (${response ? `status ${response.status}` : 'no answer'})`,
        );
      }
      log.add(label, '200', null);
      return (await response.json()) as unknown;
    },
    enqueue(write) {
      queue.push(write);
    },
    flush(closing = false) {
      if (!closing) {
        void drain(false);
        return;
      }
      // The page is going: everything leaves now, statements in one request, each able to outlive the page.
      const statements = queue.flatMap((write) => (write.kind === 'statements' ? write.statements : []));
      const states = queue.filter((write) => write.kind === 'state');
      queue.length = 0;
      if (statements.length > 0) void send({ kind: 'statements', statements }, true);
      for (const write of states) void send(write, true);
    },
    pending: () => queue.length,
  };
}

export function agentQuery(actor: Agent): string {
  return JSON.stringify({ objectType: 'Agent', account: actor.account });
}
