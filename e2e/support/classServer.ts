import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import net from 'node:net';
import readline from 'node:readline';
import { test } from '@playwright/test';
import {
  findPostgresBin,
  POSTGRES_MISSING,
  startPostgresCluster,
} from '../../src/server/testing/postgresCluster.testkit';
import { seedMigratedPglite } from '../../src/server/testing/pgliteTemplate.testkit';

const BIN = path.resolve(__dirname, '..', '..', 'bin', 'flipside.cjs');
const READY_LINE = /^Flipside class server: (http:\/\/(?:127\.0\.0\.1|localhost):\d+)$/;

export interface RunningClassServer {
  readonly url: string;
  readonly dataDir: string;
  /** SIGTERM, as an operator stopping it would. */
  stop(): Promise<void>;
  /** Starts it again on the same data (and database) and port. */
  restart(): Promise<void>;
}

function env(): NodeJS.ProcessEnv {
  const copy = { ...process.env };
  delete copy.DATABASE_URL;
  delete copy.FLIPSIDE_DATA;
  return copy;
}

/** A `flipside serve …` command on the built CLI, on a stopped server's data: what it printed. */
export function serveCommand(dataDir: string, args: readonly string[], database?: string): string {
  const result = spawnSync(
    process.execPath,
    [BIN, 'serve', ...args, '--data', dataDir, ...(database ? ['--database', database] : [])],
    { encoding: 'utf8', env: env() },
  );
  if (result.status !== 0) throw new Error(`serve ${args.slice(0, 2).join(' ')} failed: ${result.stderr}`);
  return result.stdout.trim();
}

/** `flipside serve teachers add` on the built CLI: the token it prints. */
export function addTeacher(dataDir: string, email: string, database?: string): string {
  return serveCommand(dataDir, ['teachers', 'add', '--email', email], database);
}

/** A port free now, kept across restarts so the studio's saved address stays right. */
export function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = net.createServer().listen(0, '127.0.0.1', () => {
      const address = server.address();
      server.close(() =>
        typeof address === 'object' && address ? resolve(address.port) : reject(new Error('no port')),
      );
    });
  });
}

async function launch(
  dataDir: string,
  port: number,
  database?: string,
  workers = 1,
  publicUrl?: string,
): Promise<{ child: ChildProcess; url: string }> {
  const child = spawn(
    process.execPath,
    [
      BIN,
      'serve',
      '--data',
      dataDir,
      '--port',
      String(port),
      '--host',
      '127.0.0.1',
      ...(database ? ['--database', database] : []),
      ...(workers > 1 ? ['--workers', String(workers)] : []),
      ...(publicUrl ? ['--public-url', publicUrl] : []),
    ],
    { env: env(), stdio: ['ignore', 'pipe', 'pipe'] },
  );
  const stderr: string[] = [];
  child.stderr.on('data', (chunk: Buffer) => stderr.push(chunk.toString()));
  const url = await new Promise<string>((resolve, reject) => {
    readline.createInterface({ input: child.stdout }).on('line', (line) => {
      const match = READY_LINE.exec(line);
      if (match?.[1]) resolve(match[1]);
    });
    child.once('exit', (code) => reject(new Error(`flipside serve exited (${code}): ${stderr.join('')}`)));
  });
  return { child, url };
}

function stopChild(child: ChildProcess): Promise<void> {
  if (child.exitCode !== null || child.signalCode !== null) return Promise.resolve();
  return new Promise((resolve) => {
    child.once('exit', () => resolve());
    child.kill('SIGTERM');
  });
}

export interface ClassServerOptions {
  /** The port to listen on (default: a free one). */
  readonly port?: number;
  /** The host name learners reach it by, when not 127.0.0.1 (`localhost`: another site than 127.0.0.1). */
  readonly publicHost?: string;
  /**
   * Start the embedded database from an empty folder, as a teacher's first `flipside serve` does, instead of from a
   * migrated copy (which saves seconds of CPU per test; see seedMigratedPglite).
   */
  readonly emptyFolder?: boolean;
  /** Run on the data folder before the server starts (CLI commands need the embedded database to themselves). */
  readonly prepare?: (dataDir: string, database: string | undefined) => void;
}

/** The built `flipside serve` on a temp data folder, with one teacher; `database` selects PostgreSQL. */
export async function startClassServer(
  database?: string,
  workers = 1,
  options: ClassServerOptions = {},
): Promise<RunningClassServer & { token: string; remove(): void }> {
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'flipside-serve-e2e-'));
  if (!database && !options.emptyFolder) await seedMigratedPglite(dataDir);
  const token = addTeacher(dataDir, 'ada@school.example', database);
  options.prepare?.(dataDir, database);
  const port = options.port ?? (await freePort());
  const publicUrl = options.publicHost ? `http://${options.publicHost}:${port}` : undefined;
  let running = await launch(dataDir, port, database, workers, publicUrl);
  return {
    get url() {
      return running.url;
    },
    dataDir,
    token,
    stop: () => stopChild(running.child),
    async restart() {
      await stopChild(running.child);
      running = await launch(dataDir, port, database, workers, publicUrl);
    },
    remove: () => fs.rmSync(dataDir, { recursive: true, force: true }),
  };
}

/** The databases the class server runs on, each test of the whole chain run on both. */
export const SERVER_ENGINES = ['pglite', 'postgres'] as const;

/**
 * Runs `body` with the server's database for `engine`: the embedded one (no URL), or a new database on a PostgreSQL
 * cluster of the test's own, stopped after it. Where PostgreSQL is not installed, the test is skipped, saying why.
 */
export async function withServerDatabase(
  engine: (typeof SERVER_ENGINES)[number],
  body: (database: string | undefined) => Promise<void>,
): Promise<void> {
  test.skip(engine === 'postgres' && findPostgresBin() === null, POSTGRES_MISSING);
  const cluster = engine === 'postgres' ? await startPostgresCluster({ fsync: false }) : null;
  try {
    await body(cluster?.createDatabase('e2e'));
  } finally {
    cluster?.stop();
  }
}
