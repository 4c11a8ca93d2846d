import type { Migration } from './types';

/**
 * The last answers the class server gave (a lesson's results, the teacher's classes), as JSON checked by the shared
 * schemas when read, so Class results open offline and show how old they are.
 */
export const classResultsCache: Migration = {
  version: 11,
  name: 'class-results-cache',
  up(db) {
    db.exec(`
      CREATE TABLE class_server_cache (
        key        TEXT PRIMARY KEY,
        server_url TEXT NOT NULL,
        fetched_at INTEGER NOT NULL,
        body       TEXT NOT NULL
      );
    `);
  },
};
