import type { Migration } from './types';

/** WebVTT files attached to a lesson, one per language; the file lives at `path` under the media root. */
export const captions: Migration = {
  version: 7,
  name: 'captions',
  up(db) {
    db.exec(`
      CREATE TABLE captions (
        id         TEXT PRIMARY KEY,
        lesson_id  TEXT NOT NULL REFERENCES lessons (id) ON DELETE CASCADE,
        label      TEXT NOT NULL,
        srclang    TEXT NOT NULL,
        path       TEXT NOT NULL,
        created_at INTEGER NOT NULL
      );
      CREATE UNIQUE INDEX captions_by_lesson_language ON captions (lesson_id, srclang COLLATE NOCASE);
    `);
  },
};
