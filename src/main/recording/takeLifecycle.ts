import fs from 'node:fs';
import path from 'node:path';
import { StudioError } from '@shared/contract/result';
import type { InterruptedTake, Take, TrackRole } from '@shared/media/takes';
import { LibraryRows } from '../library/rows';
import type { LibraryDeps } from '../library/ProjectsService';
import type { StudioLog } from '../logging/log';
import { readSpoolIndex } from './chunkSpool';
import { builtFileOf, buildFromSpool, finishTracks, type TrackToFinish } from './finishTracks';
import { spoolFilesOf, takeFolder } from './takeFiles';
import { TakeRows } from './takeRows';

/** MediaRecorder's MP4 is fragmented: the kind of spool a plain MP4 is built from while it is recorded. */
export const isMp4 = (mimeType: string) => /^(video|audio)\/mp4\b/i.test(mimeType);

export type TakeDeps = Pick<LibraryDeps, 'db' | 'mediaRoot' | 'events' | 'now'> & {
  log?: Pick<StudioLog, 'info' | 'warn'>;
};

/**
 * A take's rows and folder kept together through its end: finished, recovered from its spools, a track dropped, or
 * removed. The recording service decides when (and holds the take's job); this decides what is on disk and in the
 * library afterwards.
 */
export class TakeLifecycle {
  private readonly library: LibraryRows;
  private readonly takes: TakeRows;
  private readonly now: () => number;

  constructor(private readonly deps: TakeDeps) {
    this.library = new LibraryRows(deps.db);
    this.takes = new TakeRows(deps.db);
    this.now = deps.now ?? Date.now;
  }

  /** Recordings nobody has written to since `staleBefore`, as the recovery offer lists them. */
  interrupted(staleBefore: number, busy: (takeId: string) => boolean): InterruptedTake[] {
    return this.takes
      .staleRecordings(staleBefore)
      .filter((take) => !busy(take.id))
      .map((take) => {
        const lesson = this.library.lesson(take.lessonId);
        const project = this.library.project(lesson.projectId);
        const folder = this.folderOf(take.id);
        const spools = this.takes
          .files(take.id)
          .map((file) => readSpoolIndex(spoolFilesOf(this.deps.mediaRoot, folder, file.role)));
        return {
          id: take.id,
          lessonId: lesson.id,
          lessonTitle: lesson.title,
          projectTitle: project.title,
          startedAt: take.createdAt,
          recordedMs: Math.max(0, ...spools.map((spool) => spool.lastAtMs)),
          bytes: spools.reduce((sum, spool) => sum + spool.bytes, 0),
        };
      });
  }

  /** Keeps every whole chunk of an interrupted take (its spools hold them) and makes it a playable take. */
  async recover(take: Take, signal: AbortSignal): Promise<Take> {
    const folder = this.folderOf(take.id);
    const tracks: TrackToFinish[] = [];
    for (const file of this.takes.files(take.id)) {
      const spool = spoolFilesOf(this.deps.mediaRoot, folder, file.role);
      const kept = readSpoolIndex(spool);
      if (kept.bytes === 0) {
        this.dropTrack(take.id, folder, file.role);
        continue;
      }
      fs.truncateSync(spool.part, kept.bytes);
      const built = isMp4(file.mime_type) ? await buildFromSpool(this.deps.mediaRoot, folder, file.role) : null;
      tracks.push({ role: file.role, startOffsetMs: file.start_offset_ms, built });
    }
    if (tracks.length === 0) {
      this.removeTake(take.id, folder);
      throw new StudioError(
        'invalid_input',
        'Nothing of that recording reached the disk, so there is nothing to recover',
      );
    }
    try {
      return await this.finalize(take.id, folder, tracks, 'recovered', signal);
    } catch (error) {
      for (const track of tracks) track.built?.abort();
      throw error;
    }
  }

  /** Finishes the take's tracks and makes it ready, the lesson's recording if it has none. */
  async finalize(
    takeId: string,
    folder: string,
    tracks: TrackToFinish[],
    origin: Take['origin'],
    signal?: AbortSignal,
  ): Promise<Take> {
    const onConvertProgress = ({ percent, speed }: { percent: number; speed: number | null }) =>
      this.deps.events.emit('recordings', 'onDidProgress', { takeId, phase: 'converting', percent, speed });
    const { durationMs, kept } = await finishTracks(
      {
        db: this.deps.db,
        mediaRoot: this.deps.mediaRoot,
        takeId,
        folder,
        origin,
        options: { signal, onConvertProgress },
        log: this.deps.log,
        dropTrack: (role) => this.dropTrack(takeId, folder, role),
      },
      tracks,
    );
    if (kept === 0) {
      this.removeTake(takeId, folder);
      throw new StudioError(
        'invalid_input',
        'None of that recording could be read back, so there is nothing to recover',
      );
    }
    const now = this.now();
    const take = this.takes.take(takeId);
    this.deps.db.transaction(() => {
      this.deps.db
        .prepare(
          "UPDATE takes SET status = 'ready', origin = ?, duration_ms = ?, updated_at = ?, heartbeat_at = ? WHERE id = ?",
        )
        .run(origin, durationMs, now, now, takeId);
      this.deps.db
        .prepare('UPDATE lessons SET active_take_id = ? WHERE id = ? AND active_take_id IS NULL')
        .run(takeId, take.lessonId);
      this.library.touchProject(this.library.lesson(take.lessonId).projectId, now);
    })();
    this.deps.events.emit('takes', 'onDidChange', { lessonId: take.lessonId });
    return this.takes.take(takeId);
  }

  dropTrack(takeId: string, folder: string, role: TrackRole): void {
    const spool = spoolFilesOf(this.deps.mediaRoot, folder, role);
    fs.rmSync(spool.part, { force: true });
    fs.rmSync(spool.index, { force: true });
    fs.rmSync(builtFileOf(this.deps.mediaRoot, folder, role), { force: true });
    this.deps.db.prepare('DELETE FROM take_files WHERE take_id = ? AND role = ?').run(takeId, role);
  }

  folderOf(takeId: string): string {
    const take = this.takes.take(takeId);
    return takeFolder(this.library.lesson(take.lessonId).projectId, takeId);
  }

  /** The take's row and its folder, and the project's folder once empty. */
  removeTake(takeId: string, folder: string): void {
    this.deps.db.prepare('DELETE FROM takes WHERE id = ?').run(takeId);
    const takeDir = path.join(this.deps.mediaRoot, ...folder.split('/'));
    fs.rmSync(takeDir, { recursive: true, force: true });
    // The project's folder goes too once it holds nothing, so a refused import leaves no trace.
    const projectDir = path.dirname(takeDir);
    if (fs.existsSync(projectDir) && fs.readdirSync(projectDir).length === 0) fs.rmdirSync(projectDir);
  }
}
