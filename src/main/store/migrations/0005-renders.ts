import type { Migration } from './types';

/**
 * Rendered MP4s of a lesson, one per rendition. A row exists from the first byte with status `rendering`; a render
 * that never finished (cancelled, failed, or the app died) is deleted with its part file, never kept half-written.
 */
export const renders: Migration = {
  version: 5,
  name: 'renders',
  up(db) {
    db.exec(`
      CREATE TABLE renders (
        id           TEXT PRIMARY KEY,
        lesson_id    TEXT NOT NULL REFERENCES lessons (id) ON DELETE CASCADE,
        take_id      TEXT NOT NULL REFERENCES takes (id) ON DELETE CASCADE,
        revision     INTEGER NOT NULL,
        status       TEXT NOT NULL CHECK (status IN ('rendering', 'ready')),
        label        TEXT NOT NULL,
        path         TEXT NOT NULL,
        width        INTEGER,
        height       INTEGER,
        video_codec  TEXT,
        audio_codec  TEXT,
        duration_ms  INTEGER NOT NULL DEFAULT 0,
        size_bytes   INTEGER NOT NULL DEFAULT 0,
        created_at   INTEGER NOT NULL,
        finished_at  INTEGER
      );
      CREATE INDEX renders_by_lesson ON renders (lesson_id, created_at);
    `);
  },
};
