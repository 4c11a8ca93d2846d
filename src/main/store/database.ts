import fs from 'node:fs';
import path from 'node:path';
import Database from 'better-sqlite3';
import { StudioError } from '@shared/contract/result';
import { migrations as allMigrations, type Migration } from './migrations';
import { backUpBeforeMigration } from './backups';
import { assertIntact, assertNotLost } from './integrity';

export const DATABASE_FILE = 'library.sqlite';

export type StudioDatabase = Database.Database;

export interface OpenOptions {
  /** Only tests pass these, to stand up a database as an older release left it. */
  migrations?: readonly Migration[];
  /**
   * Reads only: nothing is created, migrated or written. A library that does not exist yet reads as an empty one
   * (held in memory), so listing a new folder answers "no projects".
   */
  readonly?: boolean;
}

/**
 * Opens (creating if needed) the library in `dataDir`: WAL, foreign keys on, every pending migration applied in
 * one transaction after a backup copy is taken. Refused, and not touched: a database written by a newer release, a
 * damaged one (`PRAGMA quick_check`), and a missing or emptied one whose projects' files are still there.
 */
export function openDatabase(dataDir: string, options: OpenOptions = {}): StudioDatabase {
  const migrations = options.migrations ?? allMigrations;
  const file = path.join(dataDir, DATABASE_FILE);
  assertNotLost(dataDir, file);
  if (options.readonly && !fs.existsSync(file)) {
    const empty = new Database(':memory:');
    migrate(empty, dataDir, migrations, 0);
    empty.pragma('query_only = ON');
    return empty;
  }
  if (!options.readonly) fs.mkdirSync(dataDir, { recursive: true });
  let db: StudioDatabase;
  try {
    db = new Database(file, { fileMustExist: false, readonly: options.readonly ?? false });
  } catch (error) {
    throw new StudioError('storage', `Cannot open the library at ${file}: ${(error as Error).message}`);
  }
  try {
    // Read the version before any pragma that writes (journal_mode does), so a newer database stays byte-for-byte.
    const current = readVersionOrRefuse(db, dataDir, file);
    const latest = latestVersion(migrations);
    if (current > latest) {
      throw new StudioError(
        'storage',
        `This library (${file}) was saved by a newer version of Flipside Studio (schema ${current}; this version knows up to ${latest}). ` +
          'Update Flipside Studio to open it; the library has not been changed.',
      );
    }
    if (current > 0) assertIntact(db, dataDir, file);
    if (options.readonly) {
      if (current < latest)
        throw new StudioError(
          'storage',
          `This library (${file}) is from an earlier version of Flipside Studio; open it in the app once to update it.`,
        );
      db.pragma('query_only = ON');
      return db;
    }
    db.pragma('journal_mode = WAL');
    db.pragma('foreign_keys = ON');
    db.pragma('busy_timeout = 5000');
    migrate(db, dataDir, migrations, current);
    return db;
  } catch (error) {
    db.close();
    throw error;
  }
}

export function readUserVersion(db: StudioDatabase): number {
  return Number(db.pragma('user_version', { simple: true }));
}

export function latestVersion(migrations: readonly Migration[] = allMigrations): number {
  return migrations.reduce((max, migration) => Math.max(max, migration.version), 0);
}

/** A file whose first page is damaged fails already here: that is the same refusal as a failed check. */
function readVersionOrRefuse(db: StudioDatabase, dataDir: string, file: string): number {
  try {
    return readUserVersion(db);
  } catch (error) {
    const code = (error as { code?: string }).code ?? '';
    if (code === 'SQLITE_NOTADB' || code.startsWith('SQLITE_CORRUPT')) assertIntact(db, dataDir, file);
    throw error;
  }
}

function migrate(db: StudioDatabase, dataDir: string, migrations: readonly Migration[], current: number): void {
  const pending = migrations.filter((migration) => migration.version > current).sort((a, b) => a.version - b.version);
  if (pending.length === 0) return;
  if (current > 0) backUpBeforeMigration(db, dataDir, current);
  const apply = db.transaction(() => {
    for (const migration of pending) migration.up(db, { dataDir });
    db.pragma(`user_version = ${latestVersion(migrations)}`);
  });
  apply();
}
