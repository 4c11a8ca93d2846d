import type Database from 'better-sqlite3';

/** A numbered schema change. `up` runs inside the one transaction that applies every pending migration. */
export interface Migration {
  readonly version: number;
  readonly name: string;
  up(db: Database.Database): void;
}
