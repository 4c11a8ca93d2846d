import { createHash } from 'node:crypto';
import express, { type Request, type Response, type Router } from 'express';

/**
 * NOT FROM NPM, labelled as such: xAPI's State Resource and Agent Profile Resource (xAPI 1.0.3, Part Three,
 * 2.3 Document Resources), written from the specification for the tests. The statements of the test LRS are Learning
 * Locker's own service from npm (xapi-statements); Learning Locker published its state and agent-profile services as
 * separate packages (xapi-state, xapi-agents) that are no longer on the npm registry, and no other npm package
 * provides them, so this is the smallest faithful version of the parts a cmi5 AU and LMS use:
 *
 * - State: GET/PUT/POST/DELETE one document by activityId, agent, registration (optional) and stateId; POST merges
 *   JSON objects into the stored one (2.3.2); GET without stateId lists the ids.
 * - Agent Profile: GET/PUT/POST/DELETE by agent and profileId, with ETags; a PUT over an existing document without
 *   If-Match or If-None-Match is refused 409, a failed precondition 412 (2.3.4, 2.4.7).
 * - Every request names X-Experience-API-Version and is authorised like the statements (the LMS's auth check).
 */
export interface DocumentStore {
  readonly router: Router;
  /** The LMS writes LMS.LaunchData itself, as cmi5 section 10 asks, before the AU is launched. */
  putState(key: StateKey, document: unknown): void;
  state(key: StateKey): unknown;
}

interface StateKey {
  readonly activityId: string;
  readonly agent: string;
  readonly registration?: string;
  readonly stateId: string;
}

interface StoredDocument {
  readonly body: Buffer;
  readonly contentType: string;
  readonly etag: string;
  readonly updated: string;
}

/** An Agent names a learner by one of its inverse functional identifiers; equal agents must give one key. */
function agentKey(text: string | undefined): string | null {
  if (!text) return null;
  try {
    const agent = JSON.parse(text) as Record<string, unknown>;
    const account = agent.account as { homePage?: unknown; name?: unknown } | undefined;
    if (account && typeof account.homePage === 'string' && typeof account.name === 'string')
      return `account:${account.homePage}|${account.name}`;
    for (const key of ['mbox', 'mbox_sha1sum', 'openid']) {
      const value = agent[key];
      if (typeof value === 'string') return `${key}:${value}`;
    }
  } catch {
    return null;
  }
  return null;
}

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[1-5][0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/i;

export function createDocumentStore(authorised: (authorization: string | undefined) => boolean): DocumentStore {
  const states = new Map<string, StoredDocument>();
  const profiles = new Map<string, StoredDocument>();
  const router = express.Router();
  router.use(express.raw({ type: () => true, limit: '1mb' }));
  router.use((request, response, next) => {
    if (!request.header('x-experience-api-version')?.startsWith('1.0')) {
      response.status(400).json({ message: 'X-Experience-API-Version 1.0.x is required' });
      return;
    }
    if (!authorised(request.header('authorization'))) {
      response.status(401).json({ message: 'Unauthorised' });
      return;
    }
    next();
  });

  const stored = (body: Buffer, contentType: string): StoredDocument => ({
    body,
    contentType,
    etag: `"${createHash('sha1').update(body).digest('hex')}"`,
    updated: new Date().toISOString(),
  });
  const send = (response: Response, document: StoredDocument | undefined) => {
    if (!document) {
      response.status(404).end();
      return;
    }
    response.set({ 'content-type': document.contentType, etag: document.etag, 'last-modified': document.updated });
    response.status(200).send(document.body);
  };
  const bodyOf = (request: Request): Buffer => (Buffer.isBuffer(request.body) ? request.body : Buffer.alloc(0));
  const isJson = (type: string | undefined) => (type ?? '').startsWith('application/json');
  /** POST on a document: both JSON objects are merged, top-level properties of the new one winning (2.3.2). */
  const merged = (request: Request, before: StoredDocument | undefined): StoredDocument | string => {
    const body = bodyOf(request);
    if (!before) return stored(body, request.header('content-type') ?? 'application/octet-stream');
    if (!isJson(before.contentType) || !isJson(request.header('content-type')))
      return 'POST merges JSON documents only';
    const [old, added] = [
      JSON.parse(before.body.toString('utf8')) as unknown,
      JSON.parse(body.toString('utf8')) as unknown,
    ];
    if (!isObject(old) || !isObject(added)) return 'POST merges JSON objects only';
    return stored(Buffer.from(JSON.stringify({ ...old, ...added })), 'application/json');
  };

  const stateKey = (query: Request['query']): string | { error: string } => {
    const activityId = typeof query.activityId === 'string' ? query.activityId : '';
    const agent = agentKey(typeof query.agent === 'string' ? query.agent : undefined);
    const registration = typeof query.registration === 'string' ? query.registration : '';
    if (!activityId || !agent) return { error: 'activityId and agent are required' };
    if (registration && !UUID.test(registration)) return { error: 'registration is not a UUID' };
    const stateId = typeof query.stateId === 'string' ? query.stateId : '';
    return JSON.stringify([activityId, agent, registration, stateId]);
  };
  router.all('/activities/state', (request, response) => {
    const key = stateKey(request.query);
    if (typeof key !== 'string') {
      response.status(400).json({ message: key.error });
      return;
    }
    const hasId = typeof request.query.stateId === 'string' && request.query.stateId !== '';
    if (request.method === 'GET' && !hasId) {
      const prefix = key.slice(0, key.lastIndexOf(','));
      response.json(
        [...states.keys()].filter((each) => each.startsWith(prefix)).map((each) => (JSON.parse(each) as string[])[3]),
      );
      return;
    }
    if (!hasId) {
      response.status(400).json({ message: 'stateId is required' });
      return;
    }
    if (request.method === 'GET') send(response, states.get(key));
    else if (request.method === 'PUT') {
      states.set(key, stored(bodyOf(request), request.header('content-type') ?? 'application/octet-stream'));
      response.status(204).end();
    } else if (request.method === 'POST') {
      const next = merged(request, states.get(key));
      if (typeof next === 'string') response.status(400).json({ message: next });
      else {
        states.set(key, next);
        response.status(204).end();
      }
    } else if (request.method === 'DELETE') {
      states.delete(key);
      response.status(204).end();
    } else response.status(405).end();
  });

  router.all('/agents/profile', (request, response) => {
    const agent = agentKey(typeof request.query.agent === 'string' ? request.query.agent : undefined);
    const profileId = typeof request.query.profileId === 'string' ? request.query.profileId : '';
    if (!agent || !profileId) {
      response.status(400).json({ message: 'agent and profileId are required' });
      return;
    }
    const key = JSON.stringify([agent, profileId]);
    const before = profiles.get(key);
    const ifMatch = request.header('if-match');
    const ifNoneMatch = request.header('if-none-match');
    if (request.method === 'GET') {
      send(response, before);
      return;
    }
    if ((ifMatch && ifMatch !== before?.etag && ifMatch !== '*') || (ifNoneMatch === '*' && before)) {
      response.status(412).end();
      return;
    }
    if (request.method === 'PUT') {
      if (before && !ifMatch && !ifNoneMatch) {
        response.status(409).json({ message: 'A PUT over an existing profile needs If-Match or If-None-Match' });
        return;
      }
      profiles.set(key, stored(bodyOf(request), request.header('content-type') ?? 'application/octet-stream'));
      response.status(204).end();
    } else if (request.method === 'POST') {
      const next = merged(request, before);
      if (typeof next === 'string') response.status(400).json({ message: next });
      else {
        profiles.set(key, next);
        response.status(204).end();
      }
    } else if (request.method === 'DELETE') {
      profiles.delete(key);
      response.status(204).end();
    } else response.status(405).end();
  });

  const keyOf = (key: StateKey) =>
    JSON.stringify([key.activityId, agentKey(key.agent), key.registration ?? '', key.stateId]);
  return {
    router,
    putState(key, document) {
      states.set(keyOf(key), stored(Buffer.from(JSON.stringify(document)), 'application/json'));
    },
    state(key) {
      const found = states.get(keyOf(key));
      return found ? (JSON.parse(found.body.toString('utf8')) as unknown) : null;
    },
  };
}

function isObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}
