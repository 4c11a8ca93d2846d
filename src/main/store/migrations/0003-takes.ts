import type { Migration } from './types';

/**
 * Takes: one recording session (or import) of a lesson, its files kept apart per source. A take row exists with
 * status `recording` before its first byte, and its heartbeat tells a live session from an interrupted one.
 */
export const takes: Migration = {
  version: 3,
  name: 'takes',
  up(db) {
    db.exec(`
      CREATE TABLE takes (
        id           TEXT PRIMARY KEY,
        lesson_id    TEXT NOT NULL REFERENCES lessons (id) ON DELETE CASCADE,
        title        TEXT NOT NULL,
        status       TEXT NOT NULL CHECK (status IN ('recording', 'ready')),
        origin       TEXT NOT NULL CHECK (origin IN ('recorded', 'recovered', 'imported')),
        duration_ms  INTEGER NOT NULL DEFAULT 0,
        heartbeat_at INTEGER NOT NULL,
        created_at   INTEGER NOT NULL,
        updated_at   INTEGER NOT NULL,
        trashed_at   INTEGER
      );
      CREATE INDEX takes_by_lesson ON takes (lesson_id, created_at);
      CREATE INDEX takes_recording ON takes (status) WHERE status = 'recording';

      CREATE TABLE take_files (
        take_id         TEXT NOT NULL REFERENCES takes (id) ON DELETE CASCADE,
        role            TEXT NOT NULL CHECK (role IN ('screen', 'camera', 'audio')),
        mime_type       TEXT NOT NULL,
        path            TEXT NOT NULL,
        container       TEXT NOT NULL DEFAULT '',
        video_codec     TEXT,
        audio_codec     TEXT,
        width           INTEGER,
        height          INTEGER,
        frame_rate      REAL,
        duration_ms     INTEGER NOT NULL DEFAULT 0,
        size_bytes      INTEGER NOT NULL DEFAULT 0,
        start_offset_ms INTEGER NOT NULL DEFAULT 0,
        PRIMARY KEY (take_id, role)
      );

      ALTER TABLE lessons ADD COLUMN active_take_id TEXT REFERENCES takes (id) ON DELETE SET NULL;
    `);
  },
};
