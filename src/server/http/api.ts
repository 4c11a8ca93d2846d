import type { IncomingMessage } from 'node:http';
import type { z } from 'zod';
import type { Endpoint } from '@shared/classServer/api';
import { invalidInput } from './errors';
import { readJson, sendJson } from './respond';
import type { RouteContext, Router } from './router';

type Parsed<S> = S extends z.ZodType ? z.output<S> : undefined;

export interface ApiInput<E extends Endpoint, P> {
  readonly body: Parsed<E['body']>;
  readonly query: Parsed<E['query']>;
  readonly params: Readonly<Record<string, string>>;
  readonly principal: P;
  readonly context: RouteContext;
}

/** What a handler answers: the endpoint's response, or `RESPONDED` when it wrote the answer itself (a file). */
export const RESPONDED = Symbol('responded');

export type ApiHandler<E extends Endpoint, P> = (
  input: ApiInput<E, P>,
) => Promise<z.input<E['response']> | typeof RESPONDED>;

/** JSON bodies are small: lessons travel as chunks, events in batches of at most 100. */
const JSON_LIMIT = 1024 * 1024;

/**
 * Binds one endpoint of the shared API: the caller is authenticated first, then the query and body are parsed with
 * the endpoint's schemas (a bad request never reaches the handler), and the answer is parsed too, so the server
 * cannot send what the contract does not allow.
 */
export function bindEndpoint<E extends Endpoint, P>(
  router: Router,
  endpoint: E,
  authenticate: (req: IncomingMessage) => Promise<P>,
  handler: ApiHandler<E, P>,
): void {
  router.add(endpoint.method, endpoint.path, async (context) => {
    const started = performance.now();
    const principal = await authenticate(context.req);
    const query = endpoint.query
      ? parse(endpoint.query, Object.fromEntries(context.url.searchParams), 'The query')
      : undefined;
    const body = endpoint.body ? parse(endpoint.body, await readJson(context.req, JSON_LIMIT), 'The body') : undefined;
    const answer = await handler({
      body: body as Parsed<E['body']>,
      query: query as Parsed<E['query']>,
      params: context.params,
      principal,
      context,
    });
    if (answer === RESPONDED) return;
    const checked = endpoint.response.safeParse(answer);
    if (!checked.success) throw new Error(`The answer to ${endpoint.path} broke its schema: ${checked.error.message}`);
    // From the handler's start to its answer (reading the body, the database): a client that measures longer waited
    // in a queue (its own, the network, this process's event loop). The load bench tells the two apart with it.
    context.res.setHeader('Server-Timing', `app;dur=${(performance.now() - started).toFixed(1)}`);
    sendJson(context.res, 200, checked.data);
  });
}

function parse(schema: z.ZodType, value: unknown, what: string): unknown {
  const parsed = schema.safeParse(value);
  if (!parsed.success) throw invalidInput(what, parsed.error);
  return parsed.data;
}
