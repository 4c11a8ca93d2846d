import { randomUUID } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { readSubtitles } from '@shared/captions/subtitleFiles';
import { toSourceTimes } from '@shared/captions/placement';
import { editListSchema, fullEditList, type EditList } from '@shared/timeline/editList';
import { mediaRootOf } from '../../dataDir';
import type { Migration } from './types';

interface OldCaption {
  id: string;
  lesson_id: string;
  label: string;
  srclang: string;
  path: string;
  created_at: number;
}

/**
 * Captions become editable cues anchored in a take's source time, like every other edit, one track per language per
 * take. Each WebVTT file of 0007 (in lesson time) is read into the lesson's active take (or its newest), mapped
 * through the take's edit list as it is now. A file that cannot be read still gives its (empty) track; files stay
 * where they were, and so do the rows of lessons with no take at all, which have no clock to anchor cues on.
 */
export const captionCues: Migration = {
  version: 13,
  name: 'caption-cues',
  up(db, { dataDir }) {
    db.exec(`
      CREATE TABLE caption_tracks (
        id         TEXT PRIMARY KEY,
        take_id    TEXT NOT NULL REFERENCES takes (id) ON DELETE CASCADE,
        label      TEXT NOT NULL,
        srclang    TEXT NOT NULL,
        created_at INTEGER NOT NULL
      );
      CREATE UNIQUE INDEX caption_tracks_by_take_language ON caption_tracks (take_id, srclang COLLATE NOCASE);

      CREATE TABLE caption_cues (
        id           TEXT PRIMARY KEY,
        track_id     TEXT NOT NULL REFERENCES caption_tracks (id) ON DELETE CASCADE,
        source_start INTEGER NOT NULL,
        source_end   INTEGER NOT NULL,
        data         TEXT NOT NULL
      );
      CREATE INDEX caption_cues_by_track ON caption_cues (track_id, source_start);
    `);
    const mediaRoot = mediaRootOf(dataDir);
    const old = db.prepare('SELECT * FROM captions').all() as OldCaption[];
    const takeOf = db.prepare(
      `SELECT t.id, t.duration_ms AS durationMs, e.edit_list AS editList FROM takes t
       LEFT JOIN take_edits e ON e.take_id = t.id
       WHERE t.lesson_id = ? AND t.status = 'ready'
       ORDER BY (t.id IS (SELECT active_take_id FROM lessons WHERE id = ?)) DESC, t.created_at DESC LIMIT 1`,
    );
    const addTrack = db.prepare(
      'INSERT OR IGNORE INTO caption_tracks (id, take_id, label, srclang, created_at) VALUES (?, ?, ?, ?, ?)',
    );
    const addCue = db.prepare(
      'INSERT INTO caption_cues (id, track_id, source_start, source_end, data) VALUES (?, ?, ?, ?, ?)',
    );
    const forget = db.prepare('DELETE FROM captions WHERE id = ?');
    for (const caption of old) {
      const take = takeOf.get(caption.lesson_id, caption.lesson_id) as
        { id: string; durationMs: number; editList: string | null } | undefined;
      if (!take) continue;
      const list: EditList = take.editList
        ? editListSchema.parse(JSON.parse(take.editList))
        : fullEditList(Math.max(1, take.durationMs));
      const trackId = randomUUID();
      if (addTrack.run(trackId, take.id, caption.label, caption.srclang, caption.created_at).changes === 0) continue;
      for (const cue of readOldCues(path.join(mediaRoot, ...caption.path.split('/')), list)) {
        const id = randomUUID();
        const data = { id, trackId, sourceStart: cue.start, sourceEnd: cue.end, text: cue.text };
        addCue.run(id, trackId, cue.start, cue.end, JSON.stringify(data));
      }
      forget.run(caption.id);
    }
  },
};

function readOldCues(file: string, list: EditList) {
  let text: string;
  try {
    text = fs.readFileSync(file, 'utf8');
  } catch {
    return [];
  }
  const read = readSubtitles(text, 'vtt');
  return read.ok ? toSourceTimes(list, read.cues).filter((cue) => cue.end <= list.sourceDuration) : [];
}
