import { describe, expect, it } from 'vitest';
import { tempDir } from '../../testing/tempStudio';
import { openDatabase } from '../database';
import { migrations } from '.';

const PROJECT = '44444444-4444-4444-8444-444444444444';

describe('migration 0015: the publish history', () => {
  it('adds the table to a library of release 0014, keeping its lessons, and goes with a deleted lesson', () => {
    const dir = tempDir();
    const old = openDatabase(dir, { migrations: migrations.filter((migration) => migration.version <= 14) });
    old.exec(`
      INSERT INTO projects (id, title, created_at, updated_at) VALUES ('${PROJECT}', 'Physics', 1, 1);
      INSERT INTO lessons (id, project_id, title, position, created_at, updated_at) VALUES ('l', '${PROJECT}', 'Forces', 0, 1, 1);
    `);
    old.close();
    const db = openDatabase(dir);
    expect(db.pragma('user_version', { simple: true })).toBeGreaterThanOrEqual(15);
    const insert = db.prepare(
      `INSERT INTO publishes (id, lesson_id, format, title, version, kind, path, size_bytes, take_id, revision,
         content_key, published_at) VALUES (?, 'l', 'scorm2004', 'Forces', '1.0', ?, ?, 10, 't', 3, 'k', 5)`,
    );
    insert.run('a', 'zip', `${PROJECT}/exports/forces-scorm2004-1-0.zip`);
    // A package in the library has a path; only the class server's copy has none.
    expect(() => insert.run('b', 'zip', null)).toThrow(/CHECK/);
    expect(() => insert.run('c', 'classServer', `${PROJECT}/exports/x.zip`)).toThrow(/CHECK/);
    insert.run('d', 'classServer', null);
    // One path is one entry's.
    expect(() => insert.run('e', 'zip', `${PROJECT}/exports/forces-scorm2004-1-0.zip`)).toThrow(/UNIQUE/);
    db.prepare("DELETE FROM lessons WHERE id = 'l'").run();
    expect(db.prepare('SELECT COUNT(*) AS n FROM publishes').get()).toEqual({ n: 0 });
    db.close();
  });
});
