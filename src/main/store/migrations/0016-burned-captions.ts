import type { Migration } from './types';

/**
 * Which captions a render burned into its picture, if any: the language and a key of the cues it drew
 * (`burnedCaptionsKey`). Such a render is out of date once that language's captions change, though captions
 * otherwise leave a render current. Both are null for every render made before, which burned none.
 */
export const burnedCaptions: Migration = {
  version: 16,
  name: 'burned-captions',
  up(db) {
    db.exec(`
      ALTER TABLE renders ADD COLUMN burned_captions TEXT;
      ALTER TABLE renders ADD COLUMN burned_captions_key TEXT;
    `);
  },
};
