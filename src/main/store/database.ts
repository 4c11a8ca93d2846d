import fs from 'node:fs';
import path from 'node:path';
import Database from 'better-sqlite3';
import { StudioError } from '@shared/contract/result';
import { migrations as allMigrations, type Migration } from './migrations';

export const DATABASE_FILE = 'library.sqlite';

export type StudioDatabase = Database.Database;

export interface OpenOptions {
  /** Only tests pass these, to stand up a database as an older release left it. */
  migrations?: readonly Migration[];
}

/**
 * Opens (creating if needed) the library in `dataDir`: WAL, foreign keys on, every pending migration applied in
 * one transaction after a backup copy is taken. A database written by a newer release is refused and not touched.
 */
export function openDatabase(dataDir: string, options: OpenOptions = {}): StudioDatabase {
  const migrations = options.migrations ?? allMigrations;
  fs.mkdirSync(dataDir, { recursive: true });
  const file = path.join(dataDir, DATABASE_FILE);
  let db: StudioDatabase;
  try {
    db = new Database(file, { fileMustExist: false });
  } catch (error) {
    throw new StudioError('storage', `Cannot open the library at ${file}: ${(error as Error).message}`);
  }
  try {
    // Read the version before any pragma that writes (journal_mode does), so a newer database stays byte-for-byte.
    const current = readUserVersion(db);
    const latest = latestVersion(migrations);
    if (current > latest) {
      throw new StudioError(
        'storage',
        `This library (${file}) was saved by a newer version of Flipside Studio (schema ${current}; this version knows up to ${latest}). ` +
          'Update Flipside Studio to open it; the library has not been changed.',
      );
    }
    db.pragma('journal_mode = WAL');
    db.pragma('foreign_keys = ON');
    db.pragma('busy_timeout = 5000');
    migrate(db, file, migrations, current);
    return db;
  } catch (error) {
    db.close();
    throw error;
  }
}

export function readUserVersion(db: StudioDatabase): number {
  return Number(db.pragma('user_version', { simple: true }));
}

function latestVersion(migrations: readonly Migration[]): number {
  return migrations.reduce((max, migration) => Math.max(max, migration.version), 0);
}

function migrate(db: StudioDatabase, file: string, migrations: readonly Migration[], current: number): void {
  const pending = migrations.filter((migration) => migration.version > current).sort((a, b) => a.version - b.version);
  if (pending.length === 0) return;
  if (current > 0) backUp(db, `${file}.v${current}.bak`);
  const apply = db.transaction(() => {
    for (const migration of pending) migration.up(db);
    db.pragma(`user_version = ${latestVersion(migrations)}`);
  });
  apply();
}

function backUp(db: StudioDatabase, target: string): void {
  fs.rmSync(target, { force: true });
  db.prepare('VACUUM INTO ?').run(target);
}
