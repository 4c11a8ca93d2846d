import type { Migration } from './types';

/**
 * Checkpoint questions, anchored in their take's source time like markers, each a row whose question is JSON
 * (validated by the checkpoint schema on every read); and each lesson's rules for learners.
 */
export const checkpoints: Migration = {
  version: 6,
  name: 'checkpoints',
  up(db) {
    db.exec(`
      CREATE TABLE checkpoints (
        id        TEXT PRIMARY KEY,
        take_id   TEXT NOT NULL REFERENCES takes (id) ON DELETE CASCADE,
        source_ms INTEGER NOT NULL,
        data      TEXT NOT NULL
      );
      CREATE INDEX checkpoints_by_take ON checkpoints (take_id, source_ms);

      ALTER TABLE lessons ADD COLUMN rules TEXT;
    `);
  },
};
