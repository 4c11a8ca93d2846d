import { createHash, randomUUID } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { pipeline } from 'node:stream/promises';
import { UPLOAD_CHUNK_BYTES, type UploadState } from '@shared/classServer/api';
import { summarizeLesson } from '@shared/classServer/lessonSummary';
import type { ServerLesson } from '@shared/classServer/results';
import type { Teacher } from '../auth/teachers';
import type { ServerDatabase } from '../db/database';
import { HttpError } from '../http/errors';
import { newSlug, teacherLessons } from './lessonStore';
import { extractPackage } from './packageFiles';

interface UploadRow {
  id: string;
  source_id: string;
  title: string;
  size_bytes: string | number;
  sha256: string;
  received_bytes: string | number;
}

/** Where package files live under the data folder: uploads in progress, then one folder per lesson version. */
export function packagesDir(dataDir: string): string {
  return path.join(dataDir, 'packages');
}

function uploadsDir(dataDir: string): string {
  return path.join(dataDir, 'uploads');
}

/** Unpacked, a package may be a little larger than its zip (the player's files compress); never ten times. */
const UNPACKED_FACTOR = 4;

/**
 * Publishing a lesson: a resumable upload in chunks (each written and synced before it is acknowledged, so a
 * dropped connection resumes from the last acknowledged byte), then a check of the whole package and a new version.
 * Versions are folders that are never changed, so a learner mid-lesson keeps playing the version they started.
 */
export class Publishing {
  constructor(
    private readonly db: ServerDatabase,
    private readonly dataDir: string,
    private readonly publicUrl: string,
  ) {
    fs.mkdirSync(uploadsDir(dataDir), { recursive: true });
    fs.mkdirSync(path.join(packagesDir(dataDir), '.staging'), { recursive: true });
  }

  private partOf(uploadId: string): string {
    return path.join(uploadsDir(this.dataDir), `${uploadId}.part`);
  }

  async create(
    teacher: Teacher,
    input: { sourceId: string; title: string; sizeBytes: number; sha256: string },
  ): Promise<UploadState> {
    // The same package again (a studio restarted mid-upload builds it byte for byte the same): go on where it stopped.
    const [unfinished] = await this.db.query<UploadRow>(
      `SELECT id, source_id, title, size_bytes, sha256, received_bytes FROM uploads
       WHERE teacher_id = $1 AND source_id = $2 AND sha256 = $3 AND size_bytes = $4
       ORDER BY received_bytes DESC LIMIT 1`,
      [teacher.id, input.sourceId, input.sha256, input.sizeBytes],
    );
    if (unfinished && fs.existsSync(this.partOf(unfinished.id))) return stateOf(unfinished);
    const uploadId = randomUUID();
    fs.writeFileSync(this.partOf(uploadId), new Uint8Array(0), { flag: 'wx' });
    await this.db.query(
      'INSERT INTO uploads (id, teacher_id, source_id, title, size_bytes, sha256) VALUES ($1, $2, $3, $4, $5, $6)',
      [uploadId, teacher.id, input.sourceId, input.title, input.sizeBytes, input.sha256],
    );
    return { uploadId, offset: 0, sizeBytes: input.sizeBytes, chunkBytes: UPLOAD_CHUNK_BYTES };
  }

  private async row(teacher: Teacher, uploadId: string): Promise<UploadRow> {
    const [row] = await this.db.query<UploadRow>(
      'SELECT id, source_id, title, size_bytes, sha256, received_bytes FROM uploads WHERE id = $1 AND teacher_id = $2',
      [uploadId, teacher.id],
    );
    if (!row) throw new HttpError('not_found', 'This upload is unknown: it finished, was cancelled, or expired');
    return row;
  }

  async status(teacher: Teacher, uploadId: string): Promise<UploadState> {
    return stateOf(await this.row(teacher, uploadId));
  }

  async chunk(teacher: Teacher, uploadId: string, offset: number, bytes: Buffer): Promise<UploadState> {
    const row = await this.row(teacher, uploadId);
    const received = Number(row.received_bytes);
    const size = Number(row.size_bytes);
    // A chunk sent again because its answer was lost: already stored, so say where to go on.
    if (offset + bytes.byteLength <= received) return stateOf(row);
    if (offset !== received)
      throw new HttpError('conflict', `The upload continues at byte ${received}, not ${offset}; ask for its status`);
    if (offset + bytes.byteLength > size) throw new HttpError('invalid_input', 'The chunk runs past the declared size');
    if (bytes.byteLength === 0) throw new HttpError('invalid_input', 'The chunk is empty');
    const handle = await fs.promises.open(this.partOf(uploadId), 'r+');
    try {
      await handle.write(bytes, 0, bytes.byteLength, offset);
      await handle.datasync();
    } finally {
      await handle.close();
    }
    const [updated] = await this.db.query<UploadRow>(
      `UPDATE uploads SET received_bytes = $3, updated_at = now()
       WHERE id = $1 AND teacher_id = $2 AND received_bytes = $4
       RETURNING id, source_id, title, size_bytes, sha256, received_bytes`,
      [uploadId, teacher.id, offset + bytes.byteLength, offset],
    );
    return stateOf(updated ?? (await this.row(teacher, uploadId)));
  }

  async cancel(teacher: Teacher, uploadId: string): Promise<void> {
    await this.row(teacher, uploadId);
    await this.db.query('DELETE FROM uploads WHERE id = $1', [uploadId]);
    fs.rmSync(this.partOf(uploadId), { force: true });
  }

  async finish(teacher: Teacher, uploadId: string): Promise<{ lesson: ServerLesson; version: number }> {
    const row = await this.row(teacher, uploadId);
    const size = Number(row.size_bytes);
    if (Number(row.received_bytes) !== size)
      throw new HttpError('conflict', `The upload is not complete: ${row.received_bytes} of ${size} bytes received`);
    const part = this.partOf(uploadId);
    const hash = createHash('sha256');
    await pipeline(fs.createReadStream(part), hash);
    if (hash.digest('hex') !== row.sha256) {
      await this.cancel(teacher, uploadId);
      throw new HttpError('invalid_input', 'The uploaded package does not match its checksum; publish it again');
    }
    const staging = path.join(packagesDir(this.dataDir), '.staging', uploadId);
    fs.rmSync(staging, { recursive: true, force: true });
    const extracted = await extractPackage(part, staging, size * UNPACKED_FACTOR + 1024 ** 2);
    const summary = summarizeLesson(extracted.lesson);
    // Set inside the transaction once the folder is in place, so a failure after that removes it again.
    const placed: { folder: string | null } = { folder: null };
    try {
      const { lessonId, version } = await this.db.transaction(async (tx) => {
        const [lesson] = await tx.query<{ id: string }>(
          `INSERT INTO lessons (id, teacher_id, source_id, slug, title) VALUES ($1, $2, $3, $4, $5)
           ON CONFLICT (teacher_id, source_id) DO UPDATE SET title = EXCLUDED.title
           RETURNING id`,
          [randomUUID(), teacher.id, row.source_id, newSlug(), summary.title || row.title],
        );
        if (!lesson) throw new Error('The lesson could not be stored');
        const [latest] = await tx.query<{ version: number | null }>(
          'SELECT max(version) AS version FROM lesson_versions WHERE lesson_id = $1',
          [lesson.id],
        );
        const next = (latest?.version ?? 0) + 1;
        const folder = `${lesson.id}/v${next}`;
        const target = path.join(packagesDir(this.dataDir), ...folder.split('/'));
        fs.mkdirSync(path.dirname(target), { recursive: true });
        fs.renameSync(staging, target);
        placed.folder = target;
        await tx.query(
          `INSERT INTO lesson_versions (lesson_id, version, folder, size_bytes, files, summary)
           VALUES ($1, $2, $3, $4, $5, $6)`,
          [lesson.id, next, folder, size, JSON.stringify(extracted.files), JSON.stringify(summary)],
        );
        await tx.query('DELETE FROM uploads WHERE id = $1', [uploadId]);
        return { lessonId: lesson.id, version: next };
      });
      fs.rmSync(part, { force: true });
      const [lesson] = await teacherLessons(this.db, teacher.id, this.publicUrl, lessonId);
      if (!lesson) throw new Error('The published lesson could not be read back');
      return { lesson, version };
    } catch (error) {
      if (placed.folder !== null) fs.rmSync(placed.folder, { recursive: true, force: true });
      fs.rmSync(staging, { recursive: true, force: true });
      throw error;
    }
  }

  /** Uploads left unfinished for a week are dropped with their bytes. */
  async dropStale(olderThanMs: number): Promise<void> {
    const stale = await this.db.query<{ id: string }>(
      `DELETE FROM uploads WHERE updated_at < now() - make_interval(secs => $1::float8 / 1000) RETURNING id`,
      [olderThanMs],
    );
    for (const { id } of stale) fs.rmSync(this.partOf(id), { force: true });
  }
}

function stateOf(row: UploadRow): UploadState {
  return {
    uploadId: row.id,
    offset: Number(row.received_bytes),
    sizeBytes: Number(row.size_bytes),
    chunkBytes: UPLOAD_CHUNK_BYTES,
  };
}
