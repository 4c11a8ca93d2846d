import type { Migration } from './types';

/** A deleted lesson goes to the trash like a project does, so deleting one by mistake loses nothing. */
export const lessonTrash: Migration = {
  version: 2,
  name: 'lesson-trash',
  up(db) {
    db.exec(`
      ALTER TABLE lessons ADD COLUMN trashed_at INTEGER;
      CREATE INDEX lessons_trashed ON lessons (trashed_at) WHERE trashed_at IS NOT NULL;
    `);
  },
};
