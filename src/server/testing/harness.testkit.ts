import { createHash } from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { z } from 'zod';
import { classServerApi, pathOf, type Endpoint } from '@shared/classServer/api';
import { addTeacher } from '../auth/teachers';
import { createClassServer, listen, type ClassServer, type ListeningServer } from '../app';
import { openPglite, openPostgres, type ServerDatabase } from '../db/database';
import { migrate } from '../db/migrate';
import { describe } from 'vitest';
import {
  findPostgresBin,
  POSTGRES_MISSING,
  startPostgresCluster,
  type PostgresCluster,
} from './postgresCluster.testkit';

export type Engine = 'pglite' | 'postgres';

/**
 * Declares the same tests for the embedded database and for a real PostgreSQL server. The PostgreSQL variant is
 * skipped, saying why, only where its binaries are missing (.ci/run installs them).
 */
export function describeEngines(name: string, body: (engine: Engine) => void): void {
  for (const engine of ['pglite', 'postgres'] as const) {
    const missing = engine === 'postgres' && findPostgresBin() === null;
    describe.skipIf(missing)(`${name} (${engine}${missing ? `: skipped, ${POSTGRES_MISSING}` : ''})`, () =>
      body(engine),
    );
  }
}

export interface TestServer {
  readonly url: string;
  readonly db: ServerDatabase;
  readonly dataDir: string;
  readonly server: ClassServer;
  /** A teacher made for the test, with their token. */
  teacher(email: string): Promise<string>;
  close(): Promise<void>;
}

let cluster: PostgresCluster | null = null;
let databases = 0;

async function openEngine(engine: Engine, dataDir: string): Promise<ServerDatabase> {
  if (engine === 'pglite') return openPglite(dataDir);
  cluster ??= await startPostgresCluster({ fsync: false });
  databases += 1;
  return openPostgres(cluster.createDatabase(`test_${process.pid}_${databases}`));
}

/** Stops the shared PostgreSQL cluster; call from afterAll of a file that used it. */
export function stopPostgres(): void {
  cluster?.stop();
  cluster = null;
}

export async function startTestServer(engine: Engine, options: { now?: () => number } = {}): Promise<TestServer> {
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), `flipside-serve-${engine}-`));
  const db = await openEngine(engine, dataDir);
  const listening: ListeningServer = await listen(0, '127.0.0.1');
  const server = await createClassServer({
    db,
    dataDir,
    publicUrl: listening.url,
    version: 'test',
    log: () => undefined,
    ...(options.now ? { now: options.now } : {}),
  });
  listening.attach(server);
  return {
    url: listening.url,
    db,
    dataDir,
    server,
    teacher: async (email) => (await addTeacher(db, email)).token,
    async close() {
      await listening.close();
      await db.close();
      fs.rmSync(dataDir, { recursive: true, force: true });
    },
  };
}

export { migrate };

type Input<E extends Endpoint> = (E['body'] extends z.ZodType ? { body: z.input<E['body']> } : object) & {
  params?: Record<string, string>;
  query?: Record<string, string>;
  token: string;
};

/** Calls an endpoint as the studio or the player would; answers the parsed body, or throws with status and code. */
export async function callApi<E extends Endpoint>(
  base: string,
  endpoint: E,
  input: Input<E>,
): Promise<z.output<E['response']>> {
  const url = new URL(pathOf(endpoint.path, input.params), base);
  for (const [key, value] of Object.entries(input.query ?? {})) url.searchParams.set(key, value);
  const body = 'body' in input ? JSON.stringify(input.body) : undefined;
  const response = await fetch(url, {
    method: endpoint.method,
    headers: { authorization: `Bearer ${input.token}`, ...(body ? { 'content-type': 'application/json' } : {}) },
    ...(body ? { body } : {}),
  });
  const json = (await response.json()) as { error?: { code: string; message: string } };
  if (!response.ok) throw new ApiCallError(response.status, json.error?.code ?? '', json.error?.message ?? '');
  return endpoint.response.parse(json) as z.output<E['response']>;
}

export class ApiCallError extends Error {
  constructor(
    readonly status: number,
    readonly code: string,
    message: string,
  ) {
    super(`${status} ${code}: ${message}`);
  }
}

/** Publishes package bytes the way the studio does (one chunk per `chunkBytes`); answers the finish call's body. */
export async function publishBytes(base: string, token: string, bytes: Buffer, sourceId = 'studio-lesson-1') {
  const sha256 = createHash('sha256').update(bytes).digest('hex');
  const upload = await callApi(base, classServerApi.createUpload, {
    token,
    body: { sourceId, title: 'Forces', sizeBytes: bytes.byteLength, sha256 },
  });
  let offset = upload.offset;
  while (offset < bytes.byteLength) {
    const chunk = bytes.subarray(offset, offset + upload.chunkBytes);
    const response = await fetch(
      new URL(`${pathOf(classServerApi.uploadChunk.path, { uploadId: upload.uploadId })}?offset=${offset}`, base),
      {
        method: 'PUT',
        headers: { authorization: `Bearer ${token}`, 'content-type': 'application/octet-stream' },
        body: chunk,
      },
    );
    if (!response.ok) throw new Error(`chunk refused: ${response.status} ${await response.text()}`);
    offset = classServerApi.uploadChunk.response.parse(await response.json()).offset;
  }
  return callApi(base, classServerApi.finishUpload, { token, params: { uploadId: upload.uploadId } });
}

export interface JoinAnswer {
  readonly status: number;
  /** The session token from the redirect's fragment, when the join worked. */
  readonly session: string | null;
  readonly location: string | null;
  /** `name=value` of the cookie set, to send back as a browser would. */
  readonly cookie: string | null;
  readonly html: string;
}

/** Submits the join form (or "Continue as") as a browser would, without following the redirect. */
export async function submitJoin(
  base: string,
  slug: string,
  form: Record<string, string>,
  options: { cookie?: string; action?: 'join' | 'continue' } = {},
): Promise<JoinAnswer> {
  const response = await fetch(new URL(`/l/${slug}/${options.action ?? 'join'}`, base), {
    method: 'POST',
    redirect: 'manual',
    headers: {
      'content-type': 'application/x-www-form-urlencoded',
      ...(options.cookie ? { cookie: options.cookie } : {}),
    },
    body: new URLSearchParams(form).toString(),
  });
  const location = response.headers.get('location');
  const setCookie = response.headers.get('set-cookie');
  return {
    status: response.status,
    location,
    session: location ? (/#session=([^&]+)/.exec(location)?.[1] ?? null) : null,
    cookie: setCookie ? (setCookie.split(';')[0] ?? null) : null,
    html: await response.text(),
  };
}

export function slugOf(lessonUrl: string): string {
  return new URL(lessonUrl).pathname.split('/').pop() ?? '';
}
