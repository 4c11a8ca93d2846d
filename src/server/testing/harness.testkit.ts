import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { addTeacher } from '../auth/teachers';
import { createClassServer, listen, type ClassServer, type ListeningServer } from '../app';
import { openPglite, openPostgres, type ServerDatabase } from '../db/database';
import { describe } from 'vitest';
import { seedMigratedPglite } from './pgliteTemplate.testkit';
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
  /** Another connection to the same database, as a second server process has (PGlite: the same one). */
  secondConnection(): Promise<ServerDatabase>;
  /** A teacher made for the test, with their token. */
  teacher(email: string): Promise<string>;
  close(): Promise<void>;
}

let cluster: PostgresCluster | null = null;
let databases = 0;

async function openEngine(engine: Engine, dataDir: string): Promise<{ db: ServerDatabase; url: string | null }> {
  if (engine === 'pglite') {
    await seedMigratedPglite(dataDir);
    return { db: await openPglite(dataDir), url: null };
  }
  cluster ??= await startPostgresCluster({ fsync: false });
  databases += 1;
  const url = cluster.createDatabase(`test_${process.pid}_${databases}`);
  return { db: await openPostgres(url), url };
}

/** Stops the shared PostgreSQL cluster; call from afterAll of a file that used it. */
export function stopPostgres(): void {
  cluster?.stop();
  cluster = null;
}

export async function startTestServer(engine: Engine, options: { now?: () => number } = {}): Promise<TestServer> {
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), `flipside-serve-${engine}-`));
  const { db, url } = await openEngine(engine, dataDir);
  const others: ServerDatabase[] = [];
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
    async secondConnection() {
      if (url === null) return db;
      const other = await openPostgres(url);
      others.push(other);
      return other;
    },
    async close() {
      await listening.close();
      for (const other of others) await other.close();
      await db.close();
      fs.rmSync(dataDir, { recursive: true, force: true });
    },
  };
}

export { ApiCallError, callApi, publishBytes, slugOf, submitJoin } from './apiClient.testkit';
