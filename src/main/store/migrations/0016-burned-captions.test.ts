import { describe, expect, it } from 'vitest';
import { tempDir } from '../../testing/tempStudio';
import { openDatabase } from '../database';
import { migrations } from '.';

const PROJECT = '44444444-4444-4444-8444-444444444444';

describe('migration 0016: captions burned into a render', () => {
  it('keeps the renders of a library of release 0015, each having burned no captions, and stores them for new ones', () => {
    const dir = tempDir();
    const old = openDatabase(dir, { migrations: migrations.filter((migration) => migration.version <= 15) });
    old.exec(`
      INSERT INTO projects (id, title, created_at, updated_at) VALUES ('${PROJECT}', 'Physics', 1, 1);
      INSERT INTO lessons (id, project_id, title, position, created_at, updated_at) VALUES ('l', '${PROJECT}', 'Forces', 0, 1, 1);
      INSERT INTO takes (id, lesson_id, title, status, origin, heartbeat_at, created_at, updated_at)
        VALUES ('t', 'l', 'Take', 'ready', 'recorded', 1, 1, 1);
      INSERT INTO renders (id, lesson_id, take_id, revision, status, label, path, created_at)
        VALUES ('old', 'l', 't', 3, 'ready', '720p', '${PROJECT}/renders/old.mp4', 1);
    `);
    old.close();
    const db = openDatabase(dir);
    expect(db.pragma('user_version', { simple: true })).toBe(16);
    expect(
      db.prepare("SELECT label, burned_captions, burned_captions_key FROM renders WHERE id = 'old'").get(),
    ).toEqual({
      label: '720p',
      burned_captions: null,
      burned_captions_key: null,
    });
    db.prepare(
      `INSERT INTO renders (id, lesson_id, take_id, revision, status, label, path, created_at, burned_captions,
         burned_captions_key) VALUES ('new', 'l', 't', 4, 'ready', '720p', '${PROJECT}/renders/new.mp4', 2, 'en', 'abc')`,
    ).run();
    expect(db.prepare("SELECT burned_captions, burned_captions_key FROM renders WHERE id = 'new'").get()).toEqual({
      burned_captions: 'en',
      burned_captions_key: 'abc',
    });
    db.close();
  });
});
