import { execFileSync, spawnSync } from 'node:child_process';
import fs from 'node:fs';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';

/** Where Debian (and most Linux distributions) put the server binaries; PG_BIN overrides. */
export function findPostgresBin(): string | null {
  const candidates = process.env.PG_BIN
    ? [process.env.PG_BIN]
    : (() => {
        const root = '/usr/lib/postgresql';
        if (!fs.existsSync(root)) return [];
        return fs
          .readdirSync(root)
          .sort((a, b) => Number(b) - Number(a))
          .map((version) => path.join(root, version, 'bin'));
      })();
  return (
    candidates.find((bin) => fs.existsSync(path.join(bin, 'initdb')) && fs.existsSync(path.join(bin, 'pg_ctl'))) ?? null
  );
}

export const POSTGRES_MISSING =
  'PostgreSQL server binaries (initdb, pg_ctl) not found: install Debian’s postgresql package (.ci/run does) or set PG_BIN';

export interface PostgresCluster {
  readonly url: string;
  /** A fresh, empty database in this cluster. */
  createDatabase(name: string): string;
  stop(): void;
}

async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = net.createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      server.close(() =>
        typeof address === 'object' && address ? resolve(address.port) : reject(new Error('no port')),
      );
    });
  });
}

/**
 * A throwaway PostgreSQL cluster in a temp folder on a free loopback port, trusting local connections. PostgreSQL
 * refuses to run as root, so as root the cluster belongs to the `postgres` user and its commands run through
 * `runuser`.
 */
export async function startPostgresCluster(options: { fsync?: boolean } = {}): Promise<PostgresCluster> {
  const bin = findPostgresBin();
  if (!bin) throw new Error(POSTGRES_MISSING);
  const asRoot = process.getuid?.() === 0;
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'flipside-pg-'));
  if (asRoot) execFileSync('chown', ['postgres:', dir]);
  const run = (tool: string, args: string[]) => {
    const command = asRoot ? 'runuser' : path.join(bin, tool);
    const argv = asRoot ? ['-u', 'postgres', '--', path.join(bin, tool), ...args] : args;
    const result = spawnSync(command, argv, { encoding: 'utf8' });
    if (result.status !== 0) throw new Error(`${tool} failed: ${result.stderr || result.stdout}`);
  };
  const data = path.join(dir, 'data');
  run('initdb', ['-D', data, '-A', 'trust', '-U', 'flipside', '-E', 'UTF8', '--no-sync']);
  const port = await freePort();
  const settings = [
    `-p ${port}`,
    `-k ${dir}`,
    '-c listen_addresses=127.0.0.1',
    '-c max_connections=200',
    options.fsync === false ? '-c fsync=off -c synchronous_commit=off' : '',
  ].join(' ');
  run('pg_ctl', ['-D', data, '-o', settings, '-l', path.join(dir, 'log'), '-w', 'start']);
  const urlFor = (database: string) => `postgres://flipside@127.0.0.1:${port}/${database}`;
  return {
    url: urlFor('postgres'),
    createDatabase(name) {
      run('createdb', ['-h', '127.0.0.1', '-p', String(port), '-U', 'flipside', name]);
      return urlFor(name);
    },
    stop() {
      try {
        run('pg_ctl', ['-D', data, '-m', 'immediate', '-w', 'stop']);
      } finally {
        fs.rmSync(dir, { recursive: true, force: true });
      }
    },
  };
}
