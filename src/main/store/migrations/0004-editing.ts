import type { Migration } from './types';

/**
 * What the teacher edits, per take (every time is on that take's clock): the edit list and camera layout as one
 * versioned row, and markers and callouts as rows of their own so publishing and the CLI can query them.
 */
export const editing: Migration = {
  version: 4,
  name: 'editing',
  up(db) {
    db.exec(`
      CREATE TABLE take_edits (
        take_id    TEXT PRIMARY KEY REFERENCES takes (id) ON DELETE CASCADE,
        edit_list  TEXT NOT NULL,
        layout     TEXT NOT NULL,
        revision   INTEGER NOT NULL,
        updated_at INTEGER NOT NULL
      );

      CREATE TABLE markers (
        id        TEXT PRIMARY KEY,
        take_id   TEXT NOT NULL REFERENCES takes (id) ON DELETE CASCADE,
        source_ms INTEGER NOT NULL,
        title     TEXT NOT NULL,
        note      TEXT NOT NULL DEFAULT ''
      );
      CREATE INDEX markers_by_take ON markers (take_id, source_ms);

      CREATE TABLE callouts (
        id           TEXT PRIMARY KEY,
        take_id      TEXT NOT NULL REFERENCES takes (id) ON DELETE CASCADE,
        source_start INTEGER NOT NULL,
        source_end   INTEGER NOT NULL,
        data         TEXT NOT NULL
      );
      CREATE INDEX callouts_by_take ON callouts (take_id, source_start);
    `);
  },
};
