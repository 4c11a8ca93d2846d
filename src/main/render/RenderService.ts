import fs from 'node:fs';
import path from 'node:path';
import { randomUUID } from 'node:crypto';
import type { CallContext, Contract, Input, ServiceHandlers } from '@shared/contract';
import { StudioError } from '@shared/contract/result';
import type { Render } from '@shared/media/renders';
import { renderByteCeiling } from '@shared/render/outputCeiling';
import { LibraryRows } from '../library/rows';
import type { LibraryDeps } from '../library/ProjectsService';
import { TakeRows } from '../recording/takeRows';
import { probeMedia } from '../recording/mediaFile';
import { JobRegistry, type Job } from '../jobs/JobRegistry';
import { camelRow } from '../store/rows';
import type { StudioLog } from '../logging/log';
import { removeCaptionedCopies } from '../files/captionedSave';

interface RenderRow {
  id: string;
  lesson_id: string;
  take_id: string;
  revision: number;
  status: Render['status'];
  label: string;
  path: string;
  width: number | null;
  height: number | null;
  video_codec: string | null;
  audio_codec: string | null;
  duration_ms: number;
  size_bytes: number;
  created_at: number;
  finished_at: number | null;
  burned_captions: string | null;
  burned_captions_key: string | null;
}

function toRender({ burned_captions: language, burned_captions_key: key, ...row }: RenderRow): Render {
  return { ...camelRow(row), burnedCaptions: language !== null && key !== null ? { language, key } : null };
}

interface OpenRender {
  readonly fd: number;
  readonly job: Job;
  /** The end no write may pass (see renderByteCeiling). */
  readonly ceiling: number;
  readonly startedAt: number;
}

export interface RenderDeps extends LibraryDeps {
  /** Where each finished render's stages are told (`npm run bench` prints them). */
  readonly log?: Pick<StudioLog, 'info'>;
}

/**
 * Stores what the renderer encodes: a `.part` file written at the positions the muxer gives, renamed to the
 * finished file only after it is probed. Each render is a job from `start` to `finish` or `cancel`; nothing
 * half-written survives a cancel, a failure, the studio closing, or a crash (the owner's next start removes it).
 */
export class RenderService implements ServiceHandlers<Contract['renders']> {
  private readonly library: LibraryRows;
  private readonly takes: TakeRows;
  private readonly now: () => number;
  private readonly jobs: JobRegistry;
  private readonly open = new Map<string, OpenRender>();
  /** Renders whose `finish` is probing the file: a cancel then waits for `finish` to see it. */
  private readonly finishing = new Set<string>();

  constructor(private readonly deps: RenderDeps) {
    this.library = new LibraryRows(deps.db);
    this.takes = new TakeRows(deps.db);
    this.now = deps.now ?? Date.now;
    this.jobs = deps.jobs ?? new JobRegistry();
  }

  start(input: Input<'renders', 'start'>, context?: CallContext): { renderId: string } {
    const lesson = this.library.lesson(input.lessonId);
    const take = this.takes.take(input.takeId);
    if (take.lessonId !== lesson.id) throw new StudioError('invalid_input', 'That recording belongs to another lesson');
    const renderId = randomUUID();
    const relative = `${lesson.projectId}/renders/${renderId}.${input.extension}`;
    const part = this.partOf(relative);
    fs.mkdirSync(path.dirname(part), { recursive: true });
    const job = this.jobs.begin({
      kind: 'render',
      owner: context?.caller,
      onCancel: () => this.discardUnlessFinishing(renderId),
    });
    let fd: number;
    try {
      fd = fs.openSync(part, 'wx');
    } catch (error) {
      job.end('failed');
      throw error;
    }
    this.deps.db
      .prepare(
        `INSERT INTO renders (id, lesson_id, take_id, revision, status, label, path, created_at, burned_captions,
           burned_captions_key) VALUES (?, ?, ?, ?, 'rendering', ?, ?, ?, ?, ?)`,
      )
      .run(
        renderId,
        lesson.id,
        take.id,
        input.revision,
        input.label,
        relative,
        this.now(),
        input.burnedCaptions?.language ?? null,
        input.burnedCaptions?.key ?? null,
      );
    this.open.set(renderId, { fd, job, ceiling: renderByteCeiling(take), startedAt: performance.now() });
    return { renderId };
  }

  write(input: Input<'renders', 'write'>): Record<string, never> {
    const { fd, ceiling } = this.openRender(input.renderId);
    if (input.position + input.data.byteLength > ceiling)
      throw new StudioError(
        'invalid_input',
        `A render write must end within the planned ${ceiling} bytes; this one ends at ${input.position + input.data.byteLength}`,
      );
    try {
      let written = 0;
      while (written < input.data.byteLength)
        written += fs.writeSync(fd, input.data, written, input.data.byteLength - written, input.position + written);
    } catch (error) {
      this.discard(input.renderId);
      const full = (error as NodeJS.ErrnoException).code === 'ENOSPC';
      throw new StudioError(
        'storage',
        full
          ? 'The disk is full, so the render stopped and its partial file was removed. Free some space and render again.'
          : `Writing the render failed: ${(error as Error).message}`,
      );
    }
    return {};
  }

  async finish(input: Input<'renders', 'finish'>): Promise<Render> {
    const { fd, job, startedAt } = this.openRender(input.renderId);
    const row = this.row(input.renderId);
    this.finishing.add(input.renderId);
    try {
      const finishing = performance.now();
      fs.fsyncSync(fd);
      const synced = performance.now();
      const render = await this.keep(row, job);
      const ms = (value: number) => `${Math.round(value)} ms`;
      this.deps.log?.info(
        `Finished render ${row.id} (${(render.sizeBytes / 2 ** 20).toFixed(0)} MiB): start to finish ${ms(finishing - startedAt)}, fsync ${ms(synced - finishing)}, probe and keep ${ms(performance.now() - synced)}`,
      );
      return render;
    } catch (error) {
      this.discard(input.renderId);
      throw error;
    } finally {
      this.finishing.delete(input.renderId);
    }
  }

  private async keep(row: RenderRow, job: Job): Promise<Render> {
    const part = this.partOf(row.path);
    let facts;
    try {
      facts = await probeMedia(part);
    } catch (error) {
      throw new StudioError(
        'internal',
        `The render produced an unreadable file and was discarded (${(error as Error).message})`,
      );
    }
    if (job.signal.aborted) throw new StudioError('conflict', 'The render was stopped because the studio is closing');
    this.closeFile(row.id);
    fs.renameSync(part, path.join(this.deps.mediaRoot, ...row.path.split('/')));
    this.deps.db
      .prepare(
        "UPDATE renders SET status = 'ready', width = ?, height = ?, video_codec = ?, audio_codec = ?, duration_ms = ?, size_bytes = ?, finished_at = ? WHERE id = ?",
      )
      .run(
        facts.width,
        facts.height,
        facts.videoCodec,
        facts.audioCodec,
        facts.durationMs,
        facts.sizeBytes,
        this.now(),
        row.id,
      );
    job.end('done');
    this.deps.events.emit('renders', 'onDidChange', { lessonId: row.lesson_id });
    return toRender(this.row(row.id));
  }

  /**
   * For main's own writer (a render cut without re-encoding, `CutService`): the running render and its part file,
   * which that writer fills instead of the renderer's positioned writes.
   */
  partFor(renderId: string): { render: Render; part: string } {
    this.openRender(renderId);
    const row = this.row(renderId);
    return { render: toRender(row), part: this.partOf(row.path) };
  }

  cancel(input: Input<'renders', 'cancel'>): Record<string, never> {
    const open = this.open.get(input.renderId);
    if (open) this.jobs.cancel(open.job.id);
    else this.discard(input.renderId);
    return {};
  }

  list(input: Input<'renders', 'list'>): Render[] {
    this.library.lesson(input.lessonId);
    const rows = this.deps.db
      .prepare("SELECT * FROM renders WHERE lesson_id = ? AND status = 'ready' ORDER BY created_at DESC")
      .all(input.lessonId) as RenderRow[];
    return rows.map(toRender);
  }

  remove(input: Input<'renders', 'remove'>): Record<string, never> {
    const row = this.row(input.id);
    if (row.status !== 'ready') throw new StudioError('conflict', 'That render is still running; cancel it instead');
    this.deps.db.prepare('DELETE FROM renders WHERE id = ?').run(row.id);
    fs.rmSync(path.join(this.deps.mediaRoot, ...row.path.split('/')), { force: true });
    removeCaptionedCopies(this.deps.mediaRoot, row.path, row.id);
    this.deps.events.emit('renders', 'onDidChange', { lessonId: row.lesson_id });
    return {};
  }

  /**
   * For the library's owner at start only: renders left `rendering` belong to a process that is gone (nobody else
   * can hold the library), and cannot be resumed, so their part files go. Answers the files removed.
   */
  removeAbandoned(): string[] {
    const rows = this.deps.db.prepare("SELECT * FROM renders WHERE status = 'rendering'").all() as RenderRow[];
    return rows.map((row) => {
      const part = this.partOf(row.path);
      fs.rmSync(part, { force: true });
      this.deps.db.prepare('DELETE FROM renders WHERE id = ?').run(row.id);
      return part;
    });
  }

  /** Cancelling a render that is being probed lets `finish` see the abort and discard it itself. */
  private discardUnlessFinishing(renderId: string): void {
    if (!this.finishing.has(renderId)) this.discard(renderId);
  }

  private discard(renderId: string): void {
    const job = this.open.get(renderId)?.job;
    this.closeFile(renderId);
    const row = this.deps.db.prepare("SELECT * FROM renders WHERE id = ? AND status = 'rendering'").get(renderId) as
      RenderRow | undefined;
    if (row) {
      fs.rmSync(this.partOf(row.path), { force: true });
      this.deps.db.prepare('DELETE FROM renders WHERE id = ?').run(renderId);
    }
    job?.end(job.signal.aborted ? 'cancelled' : 'failed');
  }

  private closeFile(renderId: string): void {
    const open = this.open.get(renderId);
    if (!open) return;
    this.open.delete(renderId);
    fs.closeSync(open.fd);
  }

  private openRender(renderId: string): OpenRender {
    const open = this.open.get(renderId);
    if (!open || (open.job.signal.aborted && !this.finishing.has(renderId)))
      throw new StudioError(
        'conflict',
        'That render is not running (it finished, was cancelled, or the app restarted)',
      );
    if (this.finishing.has(renderId)) throw new StudioError('conflict', 'That render is already finishing');
    return open;
  }

  private row(renderId: string): RenderRow {
    const row = this.deps.db.prepare('SELECT * FROM renders WHERE id = ?').get(renderId) as RenderRow | undefined;
    if (!row) throw new StudioError('not_found', 'That render no longer exists');
    return row;
  }

  private partOf(relative: string): string {
    return `${path.join(this.deps.mediaRoot, ...relative.split('/'))}.part`;
  }
}
