import fs from 'node:fs';
import path from 'node:path';
import { randomUUID } from 'node:crypto';
import type { CallContext, Contract, Input, ServiceHandlers } from '@shared/contract';
import { StudioError } from '@shared/contract/result';
import type { InterruptedTake, Take, TrackRole } from '@shared/media/takes';
import { LibraryRows } from '../library/rows';
import type { LibraryDeps } from '../library/ProjectsService';
import { ChunkSpool } from './chunkSpool';
import { TakeRows } from './takeRows';
import { spoolFilesOf, takeFolder } from './takeFiles';
import { builtFileOf } from './finishTracks';
import { FlatMp4Builder } from './flatMp4';
import { JobRegistry, type Job } from '../jobs/JobRegistry';
import { DiskFullError } from '../rpc/storageErrors';
import { storageError } from './storageError';
import { isMp4, TakeLifecycle } from './takeLifecycle';
import type { StudioLog } from '../logging/log';

/** A take whose heartbeat is older than this is no longer being recorded by anyone. */
const STALE_AFTER_MS = 10_000;
const HEARTBEAT_EVERY_MS = 1000;

interface LiveTake {
  folder: string;
  origin: 'recorded' | 'imported';
  tracks: Map<TrackRole, ChunkSpool>;
  /** A recorded MP4 track's finished file, built as its chunks arrive (see FlatMp4Builder). */
  built: Map<TrackRole, FlatMp4Builder>;
  lastHeartbeat: number;
  job: Job;
}

/** One take's recording, import, finishing, recovery and discarding never run at once: they share this key. */
const takeKey = (takeId: string) => `take:${takeId}`;

/**
 * Write-ahead recording and importing. Each take being written is a job from `start` until `finish` (or `discard`)
 * has settled, keyed by the take, so a `recover` or a second `finish` of it is refused while it runs; a recovery is
 * a job with the same key. Cancelling a recording (the studio closing) keeps what reached the disk for recovery;
 * cancelling an import removes it.
 */
export class RecordingService implements ServiceHandlers<Contract['recordings']> {
  private readonly library: LibraryRows;
  private readonly takes: TakeRows;
  private readonly now: () => number;
  private readonly jobs: JobRegistry;
  private readonly lifecycle: TakeLifecycle;
  /** Takes being written by this process; only these accept chunks. */
  private readonly live = new Map<string, LiveTake>();

  constructor(private readonly deps: LibraryDeps & { log?: Pick<StudioLog, 'info' | 'warn'> }) {
    this.library = new LibraryRows(deps.db);
    this.takes = new TakeRows(deps.db);
    this.now = deps.now ?? Date.now;
    this.jobs = deps.jobs ?? new JobRegistry();
    this.lifecycle = new TakeLifecycle(deps);
  }

  start(input: Input<'recordings', 'start'>, context?: CallContext): { takeId: string } {
    const lesson = this.library.lesson(input.lessonId);
    this.library.activeProject(lesson.projectId);
    const takeId = randomUUID();
    const job = this.jobs.begin({
      kind: input.origin === 'imported' ? 'import' : 'recording',
      owner: context?.caller,
      key: takeKey(takeId),
      onCancel: () => this.stopLive(takeId),
    });
    const folder = takeFolder(lesson.projectId, takeId);
    const now = this.now();
    const count = (
      this.deps.db.prepare('SELECT COUNT(*) AS n FROM takes WHERE lesson_id = ?').get(lesson.id) as { n: number }
    ).n;
    const title = input.title || (input.origin === 'imported' ? 'Imported file' : `Recording ${count + 1}`);

    try {
      fs.mkdirSync(path.join(this.deps.mediaRoot, ...folder.split('/')), { recursive: true });
    } catch (error) {
      job.end('failed');
      throw storageError(error);
    }
    // The row goes in before the first byte, so a crash at any point leaves something to find.
    this.deps.db.transaction(() => {
      this.deps.db
        .prepare(
          "INSERT INTO takes (id, lesson_id, title, status, origin, heartbeat_at, created_at, updated_at) VALUES (?, ?, ?, 'recording', ?, ?, ?, ?)",
        )
        .run(takeId, lesson.id, title, input.origin, now, now, now);
      const insertFile = this.deps.db.prepare(
        'INSERT INTO take_files (take_id, role, mime_type, path) VALUES (?, ?, ?, ?)',
      );
      for (const track of input.tracks)
        insertFile.run(takeId, track.role, track.mimeType, `${folder}/${track.role}.part`);
    })();

    const tracks = new Map<TrackRole, ChunkSpool>();
    const built = new Map<TrackRole, FlatMp4Builder>();
    try {
      for (const track of input.tracks) {
        tracks.set(track.role, ChunkSpool.create(spoolFilesOf(this.deps.mediaRoot, folder, track.role), this.now));
        // An import is whatever file the teacher chose (a plain MP4 keeps its index at the end): it is remuxed.
        if (input.origin === 'recorded' && isMp4(track.mimeType))
          built.set(track.role, new FlatMp4Builder(builtFileOf(this.deps.mediaRoot, folder, track.role)));
      }
    } catch (error) {
      for (const spool of tracks.values()) spool.close();
      for (const builder of built.values()) builder.abort();
      this.lifecycle.removeTake(takeId, folder);
      job.end('failed');
      throw storageError(error);
    }
    this.live.set(takeId, { folder, origin: input.origin, tracks, built, lastHeartbeat: now, job });
    return { takeId };
  }

  appendChunk(input: Input<'recordings', 'appendChunk'>): { bytes: number } {
    const live = this.liveTake(input.takeId);
    const spool = live.tracks.get(input.role);
    if (!spool) throw new StudioError('invalid_input', `This take has no ${input.role} track`);
    let bytes: number;
    try {
      bytes = spool.append(input.index, input.atMs, input.data).bytes;
      // The heartbeat writes the database, which shares the disk: it can be the write that finds it full.
      this.beat(input.takeId, live);
    } catch (error) {
      if (error instanceof Error && !('code' in error)) throw new StudioError('conflict', error.message);
      throw storageError(error);
    }
    this.build(live, input.role, input.data);
    return { bytes };
  }

  /**
   * Feeds a chunk already safe in the spool to its track's builder. The spool is the record: a builder that fails
   * (a layout it does not know, a full disk) is dropped and that track is remuxed from its spool at Stop.
   */
  private build(live: LiveTake, role: TrackRole, data: Uint8Array): void {
    const builder = live.built.get(role);
    if (!builder) return;
    try {
      builder.push(data);
    } catch (error) {
      builder.abort();
      live.built.delete(role);
      this.deps.log?.warn(
        `The ${role} file is no longer built while recording (${error instanceof Error ? error.message : String(error)}); it will be remuxed at Stop`,
      );
    }
  }

  heartbeat(input: Input<'recordings', 'heartbeat'>): Record<string, never> {
    const live = this.liveTake(input.takeId);
    this.beat(input.takeId, live, true);
    return {};
  }

  async finish(input: Input<'recordings', 'finish'>): Promise<Take> {
    const live = this.liveTake(input.takeId);
    this.live.delete(input.takeId);
    for (const spool of live.tracks.values()) spool.close();
    const offsets = new Map(input.tracks.map((track) => [track.role, track.startOffsetMs]));
    const tracks = [...live.tracks.keys()].map((role) => ({
      role,
      startOffsetMs: offsets.get(role) ?? 0,
      built: live.built.get(role) ?? null,
    }));
    try {
      const take = await this.lifecycle.finalize(input.takeId, live.folder, tracks, live.origin, live.job.signal);
      live.job.end('done');
      return take;
    } catch (error) {
      for (const builder of live.built.values()) builder.abort();
      // A failed (or cancelled) import leaves nothing behind; a failed recording stays on disk to be recovered.
      if (live.origin === 'imported') this.lifecycle.removeTake(input.takeId, live.folder);
      live.job.end(live.job.signal.aborted ? 'cancelled' : 'failed');
      if (error instanceof DiskFullError)
        throw new DiskFullError(
          live.origin === 'imported'
            ? 'The disk is full, so the file could not be imported. Free some space and import it again.'
            : 'The disk is full, so the recording could not be finished. Everything recorded is kept: free some space, then recover it from the interrupted recordings.',
        );
      throw error;
    }
  }

  async discard(input: Input<'recordings', 'discard'>): Promise<Record<string, never>> {
    const running = this.jobs.runningWithKey(takeKey(input.takeId));
    if (running?.kind === 'recover')
      throw new StudioError('conflict', 'That recording is being recovered; wait until it has finished');
    if (running) {
      // A recording stops (its spools flushed), an import stops and removes itself, a conversion stops its Worker.
      await this.jobs.cancelAndWait(running.id);
      if (!this.takes.exists(input.takeId)) return {};
    }
    const take = this.takes.take(input.takeId);
    if (take.status !== 'recording')
      throw new StudioError(
        'conflict',
        'Only a recording in progress or an interrupted one can be discarded; move a finished recording to the trash instead',
      );
    this.lifecycle.removeTake(input.takeId, this.lifecycle.folderOf(input.takeId));
    return {};
  }

  listInterrupted(_input: Input<'recordings', 'listInterrupted'>): InterruptedTake[] {
    return this.lifecycle.interrupted(this.now() - STALE_AFTER_MS, (takeId) =>
      Boolean(this.jobs.runningWithKey(takeKey(takeId))),
    );
  }

  /** Keeps every whole chunk of an interrupted take and turns it into a playable take. */
  async recover(input: Input<'recordings', 'recover'>, context?: CallContext): Promise<Take> {
    const take = this.takes.take(input.takeId);
    if (take.status !== 'recording' || take.origin !== 'recorded' || this.live.has(take.id))
      throw new StudioError('conflict', 'That is not an interrupted recording');
    if (this.jobs.runningWithKey(takeKey(take.id)))
      throw new StudioError('conflict', 'That recording is already being finished, recovered or discarded');
    return this.jobs.run({ kind: 'recover', owner: context?.caller, key: takeKey(take.id) }, (job) =>
      this.lifecycle.recover(take, job.signal),
    );
  }

  /** Closes every open spool, flushing what arrived; the last step of shutting down, after every job has ended. */
  closeAll(): void {
    for (const takeId of [...this.live.keys()]) this.stopLive(takeId);
  }

  /**
   * For the library's owner at start only: an import left unfinished belongs to a process that is gone (nobody else
   * can hold the library). It is not a recording to offer for recovery: it is removed. Answers the folders removed.
   */
  removeAbandonedImports(): string[] {
    return this.takes.unfinishedImports().map((takeId) => {
      const folder = this.lifecycle.folderOf(takeId);
      this.lifecycle.removeTake(takeId, folder);
      return path.join(this.deps.mediaRoot, ...folder.split('/'));
    });
  }

  /**
   * A take still receiving chunks stops: a recording keeps what reached the disk (it is offered for recovery), an
   * import is removed. A take whose `finish` is running sees its job's signal instead.
   */
  private stopLive(takeId: string): void {
    const live = this.live.get(takeId);
    if (!live) return;
    this.live.delete(takeId);
    for (const spool of live.tracks.values()) spool.close();
    // Recovery builds the finished files again from the spools, which hold everything.
    for (const builder of live.built.values()) builder.abort();
    if (live.origin === 'imported') this.lifecycle.removeTake(takeId, live.folder);
    live.job.end(live.job.signal.aborted ? 'cancelled' : 'done');
  }

  private liveTake(takeId: string): LiveTake {
    const live = this.live.get(takeId);
    if (!live)
      throw new StudioError(
        'conflict',
        'That recording is not open any more; if the app was restarted, recover it from the list of interrupted recordings',
      );
    return live;
  }

  private beat(takeId: string, live: LiveTake, force = false): void {
    const now = this.now();
    if (!force && now - live.lastHeartbeat < HEARTBEAT_EVERY_MS) return;
    live.lastHeartbeat = now;
    this.deps.db.prepare('UPDATE takes SET heartbeat_at = ? WHERE id = ?').run(now, takeId);
  }
}
