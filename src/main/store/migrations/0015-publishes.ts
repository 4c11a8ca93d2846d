import type { Migration } from './types';

/**
 * What each lesson published: one row per finished publish, with the settings it used (format, title, version),
 * where its file is (`<project>/exports/<name>`, null on the class server), and what the lesson was then (its take,
 * document revision and a hash of the document's content), so the lesson screen can say when it changed since.
 */
export const publishes: Migration = {
  version: 15,
  name: 'publishes',
  up(db) {
    db.exec(`
      CREATE TABLE publishes (
        id             TEXT PRIMARY KEY,
        lesson_id      TEXT NOT NULL REFERENCES lessons (id) ON DELETE CASCADE,
        format         TEXT NOT NULL,
        title          TEXT NOT NULL,
        version        TEXT NOT NULL,
        kind           TEXT NOT NULL CHECK (kind IN ('zip', 'folder', 'classServer')),
        path           TEXT,
        url            TEXT,
        server_version INTEGER,
        size_bytes     INTEGER NOT NULL DEFAULT 0,
        take_id        TEXT NOT NULL,
        revision       INTEGER NOT NULL,
        content_key    TEXT NOT NULL,
        published_at   INTEGER NOT NULL,
        CHECK ((kind = 'classServer') = (path IS NULL))
      );
      CREATE INDEX publishes_by_lesson ON publishes (lesson_id, published_at);
      CREATE UNIQUE INDEX publishes_by_path ON publishes (path) WHERE path IS NOT NULL;
    `);
  },
};
