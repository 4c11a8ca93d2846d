import type { ServerDatabase } from './database';
import { serverMigrations, type ServerMigration } from './migrations';

/** Any constant: several server processes starting together on one database take turns through this lock. */
const MIGRATION_LOCK = 7_334_201;

export class NewerSchemaError extends Error {}

/**
 * Brings the schema up to date in one transaction, holding an advisory lock so two processes never migrate at once.
 * A database from a newer server is refused and left untouched.
 */
export async function migrate(
  db: ServerDatabase,
  migrations: readonly ServerMigration[] = serverMigrations,
): Promise<{ from: number; to: number }> {
  return db.transaction(async (tx) => {
    await tx.query('SELECT pg_advisory_xact_lock($1)', [MIGRATION_LOCK]);
    await tx.query(`
      CREATE TABLE IF NOT EXISTS schema_migrations (
        version    integer PRIMARY KEY,
        name       text NOT NULL,
        applied_at timestamptz NOT NULL DEFAULT now()
      )`);
    const [row] = await tx.query<{ version: number | null }>('SELECT max(version) AS version FROM schema_migrations');
    const from = row?.version ?? 0;
    const latest = Math.max(0, ...migrations.map((migration) => migration.version));
    if (from > latest)
      throw new NewerSchemaError(
        `This database was set up by a newer Flipside class server (schema ${from}; this one knows up to ${latest}). ` +
          'Update the server; the database has not been changed.',
      );
    for (const migration of [...migrations].sort((a, b) => a.version - b.version)) {
      if (migration.version <= from) continue;
      await tx.script(migration.sql);
      await tx.query('INSERT INTO schema_migrations (version, name) VALUES ($1, $2)', [
        migration.version,
        migration.name,
      ]);
    }
    return { from, to: Math.max(from, latest) };
  });
}
