import { randomUUID } from 'node:crypto';
import http from 'node:http';
import type { LearnerEvent } from '../../src/shared/classServer/events';

/** Keep-alive sockets, as browsers hold them: the bench measures the server, not connection set-up. */
export const agent = new http.Agent({ keepAlive: true, maxSockets: 128 });

export interface Answer {
  readonly status: number;
  readonly body: string;
  readonly ms: number;
  readonly headers: http.IncomingHttpHeaders;
}

/** One request on the keep-alive agent, timed from sending to the whole answer read. */
export function send(
  url: string,
  options: { method: string; headers?: Record<string, string>; body?: string },
): Promise<Answer> {
  const started = performance.now();
  return new Promise((resolve, reject) => {
    const request = http.request(url, { method: options.method, headers: options.headers, agent }, (response) => {
      const chunks: Buffer[] = [];
      response.on('data', (chunk: Buffer) => chunks.push(chunk));
      response.on('end', () =>
        resolve({
          status: response.statusCode ?? 0,
          body: Buffer.concat(chunks).toString('utf8'),
          ms: performance.now() - started,
          headers: response.headers,
        }),
      );
      response.on('error', reject);
    });
    request.on('error', reject);
    request.end(options.body);
  });
}

/** Joins as a learner through the form, as a browser does; answers the session token. */
export async function join(base: string, slug: string, code: string, name: string): Promise<string> {
  const answer = await send(`${base}/l/${slug}/join`, {
    method: 'POST',
    headers: { 'content-type': 'application/x-www-form-urlencoded' },
    body: new URLSearchParams({ code, name }).toString(),
  });
  const session = /#session=([^&]+)/.exec(answer.headers.location ?? '')?.[1];
  if (answer.status !== 303 || !session) throw new Error(`join ${name}: ${answer.status} ${answer.body.slice(0, 200)}`);
  return session;
}

export function postEvents(base: string, session: string, events: readonly LearnerEvent[]): Promise<Answer> {
  return send(`${base}/api/v1/learn/events`, {
    method: 'POST',
    headers: { authorization: `Bearer ${session}`, 'content-type': 'application/json' },
    body: JSON.stringify({ events }),
  });
}

const STATE = `FS1:${'x'.repeat(120)}`;

/**
 * What a player sends in one flush while a learner watches: the span just played, a bookmark with its resume state,
 * and now and then a pause, a jump or an answer.
 */
export function playerBatch(step: number, size: number, questionIds: readonly string[]): LearnerEvent[] {
  const at = Date.now();
  const fromMs = (step * 10_000) % 600_000;
  const events: LearnerEvent[] = [
    { id: randomUUID(), at, kind: 'watched', fromMs, toMs: fromMs + 10_000, rate: 1 },
    {
      id: randomUUID(),
      at,
      kind: 'progress',
      progress: Math.min(1, fromMs / 600_000),
      locationMs: fromMs + 10_000,
      state: STATE,
    },
  ];
  const question = questionIds[step % questionIds.length] ?? '';
  while (events.length < size) {
    const kind = events.length % 3;
    events.push(
      kind === 0
        ? { id: randomUUID(), at, kind: 'paused', atMs: fromMs + 10_000 }
        : kind === 1
          ? {
              id: randomUUID(),
              at,
              kind: 'answer',
              checkpointId: question,
              correct: step % 3 !== 0,
              response: ['a'],
              latencyMs: 4_000,
            }
          : { id: randomUUID(), at, kind: 'seeked', fromMs: fromMs + 10_000, toMs: fromMs },
    );
  }
  return events;
}

export function percentile(values: readonly number[], p: number): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))] ?? 0;
}

/** Runs `work` over `items` with at most `width` at a time. */
export async function inPool<T, R>(items: readonly T[], width: number, work: (item: T) => Promise<R>): Promise<R[]> {
  const results: R[] = new Array<R>(items.length);
  let next = 0;
  await Promise.all(
    Array.from({ length: width }, async () => {
      while (next < items.length) {
        const index = next++;
        results[index] = await work(items[index] as T);
      }
    }),
  );
  return results;
}
