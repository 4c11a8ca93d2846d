import { StudioError } from '@shared/contract/result';
import { CUES_MAX, captionCueSchema, type CaptionCue, type CaptionTrackInfo } from '@shared/captions/model';
import type { DocumentChange } from '@shared/editor/document';
import type { StudioDatabase } from '../store/database';

/**
 * A take's caption tracks and their cues (0013): tracks as rows, each cue a row whose JSON is validated on every read,
 * like checkpoints. A cue can only be written into a track of the same take; one language has one track per take.
 */
export class CaptionRows {
  constructor(private readonly db: StudioDatabase) {}

  tracks(takeId: string): CaptionTrackInfo[] {
    return this.db
      .prepare('SELECT id, label, srclang FROM caption_tracks WHERE take_id = ? ORDER BY created_at, id')
      .all(takeId) as CaptionTrackInfo[];
  }

  cues(takeId: string): CaptionCue[] {
    const rows = this.db
      .prepare(
        `SELECT c.data FROM caption_cues c JOIN caption_tracks t ON t.id = c.track_id
         WHERE t.take_id = ? ORDER BY c.source_start, c.source_end, c.id`,
      )
      .all(takeId) as { data: string }[];
    return rows.map((row) => captionCueSchema.parse(JSON.parse(row.data)));
  }

  /** Inside the caller's transaction: removals first, so a language freed in this step can be taken in it. */
  write(takeId: string, change: DocumentChange, now: number): void {
    const removeCue = this.db.prepare(
      'DELETE FROM caption_cues WHERE id = ? AND track_id IN (SELECT id FROM caption_tracks WHERE take_id = ?)',
    );
    for (const id of change.removeCaptionCues) removeCue.run(id, takeId);
    const removeTrack = this.db.prepare('DELETE FROM caption_tracks WHERE id = ? AND take_id = ?');
    for (const id of change.removeCaptionTracks) removeTrack.run(id, takeId);

    const upsertTrack = this.db.prepare(
      `INSERT INTO caption_tracks (id, take_id, label, srclang, created_at) VALUES (@id, @takeId, @label, @srclang, @now)
       ON CONFLICT (id) DO UPDATE SET label = excluded.label, srclang = excluded.srclang
       WHERE caption_tracks.take_id = excluded.take_id`,
    );
    for (const track of change.upsertCaptionTracks) {
      let changes: number;
      try {
        changes = upsertTrack.run({ ...track, takeId, now }).changes;
      } catch (error) {
        if ((error as { code?: string }).code === 'SQLITE_CONSTRAINT_UNIQUE')
          throw new StudioError('conflict', `This lesson already has captions in “${track.srclang}”`, [
            { path: 'srclang', message: 'This language already has captions' },
          ]);
        throw error;
      }
      if (changes === 0) throw new StudioError('conflict', 'Those captions belong to another take');
    }

    const ownTrack = this.db.prepare('SELECT 1 FROM caption_tracks WHERE id = ? AND take_id = ?');
    const upsertCue = this.db.prepare(
      `INSERT INTO caption_cues (id, track_id, source_start, source_end, data) VALUES (@id, @trackId, @sourceStart, @sourceEnd, @data)
       ON CONFLICT (id) DO UPDATE SET track_id = excluded.track_id, source_start = excluded.source_start,
         source_end = excluded.source_end, data = excluded.data
       WHERE caption_cues.track_id IN (SELECT id FROM caption_tracks WHERE take_id = @takeId)`,
    );
    for (const cue of change.upsertCaptionCues) {
      if (!ownTrack.get(cue.trackId, takeId))
        throw new StudioError('conflict', 'A caption was written to a track this take does not have');
      const row = { ...cue, takeId, data: JSON.stringify(cue satisfies CaptionCue) };
      if (upsertCue.run(row).changes === 0) throw new StudioError('conflict', 'That caption belongs to another take');
    }
    const crowded = this.db
      .prepare(
        `SELECT COUNT(*) AS n FROM caption_cues c JOIN caption_tracks t ON t.id = c.track_id
         WHERE t.take_id = ? GROUP BY c.track_id ORDER BY n DESC LIMIT 1`,
      )
      .get(takeId) as { n: number } | undefined;
    if (crowded && crowded.n > CUES_MAX)
      throw new StudioError(
        'invalid_input',
        `A captions track holds at most ${CUES_MAX.toLocaleString('en')} captions`,
      );
  }
}
