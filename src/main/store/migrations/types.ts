import type Database from 'better-sqlite3';

/** What a migration may read besides the database: the library's folder (files it moves into rows, never writes). */
export interface MigrationContext {
  readonly dataDir: string;
}

/** A numbered schema change. `up` runs inside the one transaction that applies every pending migration. */
export interface Migration {
  readonly version: number;
  readonly name: string;
  up(db: Database.Database, context: MigrationContext): void;
}
