/** A numbered schema change, plain SQL that runs the same on PGlite and PostgreSQL. */
export interface ServerMigration {
  readonly version: number;
  readonly name: string;
  readonly sql: string;
}
