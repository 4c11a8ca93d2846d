import type { Migration } from './types';

/**
 * Partial outputs of running jobs (a publish's `.part`, the CLI's copy beside `--out`), one row per job, so the
 * library's next owner removes what a process that died left behind. `parts` is a JSON array of paths, relative to
 * the data folder when inside it.
 */
export const jobs: Migration = {
  version: 8,
  name: 'jobs',
  up(db) {
    db.exec(`
      CREATE TABLE jobs (
        id         TEXT PRIMARY KEY,
        kind       TEXT NOT NULL,
        session    TEXT NOT NULL,
        pid        INTEGER NOT NULL,
        started_at INTEGER NOT NULL,
        parts      TEXT NOT NULL
      );
    `);
  },
};
