import type { StudioDatabase } from '../store/database';
import { camelRow } from '../store/rows';
import { StudioError } from '@shared/contract/result';
import type { Take, TakeFile, TrackRole } from '@shared/media/takes';

interface TakeRow {
  id: string;
  lesson_id: string;
  title: string;
  status: Take['status'];
  origin: Take['origin'];
  duration_ms: number;
  heartbeat_at: number;
  created_at: number;
  updated_at: number;
  trashed_at: number | null;
  active: number;
}

export interface TakeFileRow {
  take_id: string;
  role: TrackRole;
  mime_type: string;
  path: string;
  container: string;
  video_codec: string | null;
  audio_codec: string | null;
  width: number | null;
  height: number | null;
  frame_rate: number | null;
  duration_ms: number;
  size_bytes: number;
  start_offset_ms: number;
}

const TAKE_SELECT = `
  SELECT t.*, (l.active_take_id IS t.id) AS active
  FROM takes t JOIN lessons l ON l.id = t.lesson_id`;

function toFile({ take_id: _take, mime_type: _mime, ...row }: TakeFileRow): TakeFile {
  return camelRow(row);
}

/** Typed reads of takes and their files, shared by the recording and takes services. */
export class TakeRows {
  constructor(private readonly db: StudioDatabase) {}

  exists(id: string): boolean {
    return this.db.prepare('SELECT 1 FROM takes WHERE id = ?').get(id) !== undefined;
  }

  take(id: string): Take {
    const row = this.db.prepare(`${TAKE_SELECT} WHERE t.id = ?`).get(id) as TakeRow | undefined;
    if (!row) throw new StudioError('not_found', 'That recording no longer exists');
    return this.toTake(row);
  }

  takesOf(lessonId: string, trashed: boolean): Take[] {
    const where = trashed ? 't.trashed_at IS NOT NULL' : "t.trashed_at IS NULL AND t.status = 'ready'";
    const rows = this.db
      .prepare(`${TAKE_SELECT} WHERE t.lesson_id = ? AND ${where} ORDER BY t.created_at, t.id`)
      .all(lessonId) as TakeRow[];
    return rows.map((row) => this.toTake(row));
  }

  files(takeId: string): TakeFileRow[] {
    return this.db
      .prepare(
        "SELECT * FROM take_files WHERE take_id = ? ORDER BY CASE role WHEN 'screen' THEN 0 WHEN 'camera' THEN 1 ELSE 2 END",
      )
      .all(takeId) as TakeFileRow[];
  }

  /** Recordings (never imports) left in `recording` whose heartbeat stopped before `staleBefore`. */
  staleRecordings(staleBefore: number): { id: string; lessonId: string; createdAt: number }[] {
    return this.db
      .prepare(
        "SELECT id, lesson_id AS lessonId, created_at AS createdAt FROM takes WHERE status = 'recording' AND origin = 'recorded' AND heartbeat_at < ? ORDER BY created_at",
      )
      .all(staleBefore) as { id: string; lessonId: string; createdAt: number }[];
  }

  /** Imports that never finished: nothing to recover from, only to remove. */
  unfinishedImports(): string[] {
    return (
      this.db.prepare("SELECT id FROM takes WHERE status = 'recording' AND origin = 'imported'").all() as {
        id: string;
      }[]
    ).map((row) => row.id);
  }

  private toTake({ active, ...row }: TakeRow): Take {
    return { ...camelRow(row), files: this.files(row.id).map(toFile), active: active === 1 };
  }
}
