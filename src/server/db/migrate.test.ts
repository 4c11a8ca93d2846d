import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, expect, it } from 'vitest';
import { openPglite, openPostgres, type ServerDatabase } from './database';
import { migrate, NewerSchemaError } from './migrate';
import { serverMigrations } from './migrations';
import { describeEngines, stopPostgres, type Engine } from '../testing/harness.testkit';
import { startPostgresCluster } from '../testing/postgresCluster.testkit';

afterAll(() => stopPostgres());

async function fresh(engine: Engine): Promise<{ db: ServerDatabase; done: () => Promise<void> }> {
  if (engine === 'pglite') {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'flipside-migrate-'));
    const db = await openPglite(dir);
    const done = async () => {
      await db.close();
      fs.rmSync(dir, { recursive: true, force: true });
    };
    return { db, done };
  }
  const cluster = await startPostgresCluster({ fsync: false });
  const db = await openPostgres(cluster.createDatabase('migrate'));
  const done = async () => {
    await db.close();
    cluster.stop();
  };
  return { db, done };
}

describeEngines('migrations', (engine) => {
  it('builds the schema once, is a no-op the second time, and refuses a database from a newer server', async () => {
    const { db, done } = await fresh(engine);
    try {
      const latest = Math.max(...serverMigrations.map((migration) => migration.version));
      expect(await migrate(db)).toEqual({ from: 0, to: latest });
      expect(await migrate(db)).toEqual({ from: latest, to: latest });
      const tables = await db.query<{ name: string }>(
        "SELECT tablename AS name FROM pg_tables WHERE schemaname = 'public' ORDER BY tablename",
      );
      expect(tables.map((table) => table.name)).toEqual(
        expect.arrayContaining(['classes', 'events', 'learners', 'lesson_versions', 'lessons', 'runs', 'teachers']),
      );
      await db.query("INSERT INTO schema_migrations (version, name) VALUES (999, 'future')");
      await expect(migrate(db)).rejects.toBeInstanceOf(NewerSchemaError);
      await expect(migrate(db)).rejects.toThrow(
        new RegExp(`newer Flipside class server \\(schema 999; this one knows up to ${latest}\\)`),
      );
      const [count] = await db.query<{ n: number }>('SELECT count(*)::int AS n FROM schema_migrations');
      expect(count?.n).toBe(serverMigrations.length + 1);
    } finally {
      await done();
    }
  }, 60_000);

  it.skipIf(engine === 'pglite')(
    'two processes starting together migrate once (the advisory lock)',
    async () => {
      const cluster = await startPostgresCluster({ fsync: false });
      const url = cluster.createDatabase('race');
      const [a, b] = await Promise.all([openPostgres(url), openPostgres(url)]);
      try {
        const results = await Promise.all([migrate(a), migrate(b)]);
        const latest = Math.max(...serverMigrations.map((migration) => migration.version));
        expect(results.map((result) => result.from).sort()).toEqual([0, latest]);
      } finally {
        await a.close();
        await b.close();
        cluster.stop();
      }
    },
    60_000,
  );
});
