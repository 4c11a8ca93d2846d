import type { Migration } from './types';

/**
 * A lesson's notes (MDX source, compiled only when publishing) and the files they show or offer (images and
 * downloads), kept per lesson so a new take keeps them. A file lives at `path` under the media root.
 */
export const notes: Migration = {
  version: 12,
  name: 'notes',
  up(db) {
    db.exec(`
      CREATE TABLE lesson_notes (
        lesson_id  TEXT PRIMARY KEY REFERENCES lessons (id) ON DELETE CASCADE,
        source     TEXT NOT NULL,
        updated_at INTEGER NOT NULL
      );

      CREATE TABLE lesson_files (
        id         TEXT PRIMARY KEY,
        lesson_id  TEXT NOT NULL REFERENCES lessons (id) ON DELETE CASCADE,
        name       TEXT NOT NULL,
        kind       TEXT NOT NULL CHECK (kind IN ('image', 'download')),
        media_type TEXT NOT NULL,
        size_bytes INTEGER NOT NULL,
        path       TEXT NOT NULL,
        created_at INTEGER NOT NULL
      );
      CREATE UNIQUE INDEX lesson_files_by_name ON lesson_files (lesson_id, name COLLATE NOCASE);
    `);
  },
};
