import type { Migration } from './types';

/**
 * The revision of the last change to what a render shows (the edit list, the camera layout, callouts). Notes,
 * captions, key moments, questions and rules reach learners from the document at publish time, so changing them
 * leaves a render up to date.
 */
export const pictureRevision: Migration = {
  version: 14,
  name: 'picture-revision',
  up(db) {
    db.exec(`
      ALTER TABLE take_edits ADD COLUMN picture_revision INTEGER NOT NULL DEFAULT 0;
      UPDATE take_edits SET picture_revision = revision;
    `);
  },
};
