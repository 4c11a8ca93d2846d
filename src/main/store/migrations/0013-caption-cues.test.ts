import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { tempDir } from '../../testing/tempStudio';
import { openDatabase } from '../database';
import { migrations } from '.';

const VTT = [
  'WEBVTT',
  '',
  '00:00:01.000 --> 00:00:02.000',
  'Before the cut',
  '',
  '00:00:03.000 --> 00:00:04.500',
  'After <i>the</i> cut',
  '',
].join('\n');

/** A library as release 0008 left it: one lesson with a take cut from 2 s to 5 s, and an English WebVTT file. */
function oldLibrary(editList: object | null) {
  const dir = tempDir();
  const db = openDatabase(dir, { migrations: migrations.filter((migration) => migration.version <= 8) });
  db.exec(`
    INSERT INTO projects (id, title, created_at, updated_at) VALUES ('p', 'Cells', 1, 1);
    INSERT INTO lessons (id, project_id, title, position, created_at, updated_at) VALUES ('l', 'p', 'Mitosis', 0, 1, 1);
    INSERT INTO takes (id, lesson_id, title, status, origin, duration_ms, heartbeat_at, created_at, updated_at)
      VALUES ('t', 'l', 'Take 1', 'ready', 'recorded', 10000, 1, 1, 1);
    UPDATE lessons SET active_take_id = 't';
    INSERT INTO captions (id, lesson_id, label, srclang, path, created_at) VALUES ('c', 'l', 'English', 'en', 'p/captions/c.vtt', 5);
    INSERT INTO lessons (id, project_id, title, position, created_at, updated_at) VALUES ('empty', 'p', 'No take', 1, 1, 1);
    INSERT INTO captions (id, lesson_id, label, srclang, path, created_at) VALUES ('orphan', 'empty', 'English', 'en', 'p/captions/o.vtt', 5);
  `);
  if (editList)
    db.prepare(
      "INSERT INTO take_edits (take_id, edit_list, layout, revision, updated_at) VALUES ('t', ?, '{}', 4, 1)",
    ).run(JSON.stringify(editList));
  db.close();
  fs.mkdirSync(path.join(dir, 'media', 'p', 'captions'), { recursive: true });
  fs.writeFileSync(path.join(dir, 'media', 'p', 'captions', 'c.vtt'), VTT);
  return dir;
}

describe('migration 0013: captions become cues in source time', () => {
  it('maps lesson-time cues through the take’s cuts, keeps the file, and leaves a lesson with no take as it was', () => {
    const dir = oldLibrary({
      sourceDuration: 10_000,
      trimStart: 0,
      trimEnd: 10_000,
      cuts: [{ start: 2000, end: 5000 }],
      splits: [],
    });
    const db = openDatabase(dir);
    const tracks = db.prepare('SELECT take_id AS takeId, label, srclang FROM caption_tracks').all();
    expect(tracks).toEqual([{ takeId: 't', label: 'English', srclang: 'en' }]);
    const cues = (db.prepare('SELECT data FROM caption_cues ORDER BY source_start').all() as { data: string }[]).map(
      (row) => JSON.parse(row.data) as { sourceStart: number; sourceEnd: number; text: string },
    );
    expect(cues.map(({ sourceStart, sourceEnd, text }) => ({ sourceStart, sourceEnd, text }))).toEqual([
      { sourceStart: 1000, sourceEnd: 2000, text: 'Before the cut' },
      { sourceStart: 6000, sourceEnd: 7500, text: 'After the cut' },
    ]);
    expect(db.prepare('SELECT id FROM captions').all()).toEqual([{ id: 'orphan' }]);
    db.close();
    expect(fs.existsSync(path.join(dir, 'media', 'p', 'captions', 'c.vtt'))).toBe(true);
  });

  it('reads a take never opened in the editor as uncut', () => {
    const db = openDatabase(oldLibrary(null));
    expect(db.prepare('SELECT source_start AS s, source_end AS e FROM caption_cues ORDER BY s').all()).toEqual([
      { s: 1000, e: 2000 },
      { s: 3000, e: 4500 },
    ]);
    db.close();
  });
});
