import { createHash } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import type { Contract } from '@shared/contract';
import type { SaveJob } from '@shared/contract/files';
import { StudioError } from '@shared/contract/result';
import type { EventHub } from '../rpc/eventHub';
import type { Job, JobRegistry } from '../jobs/JobRegistry';
import { renameNoReplace, reserveOutput } from '../jobs/outputs';
import { DOWNLOADS_FOLDER } from '../publish/history';
import type { PublishedTrack } from '../publish/lessonExtras';
import { writeCaptionedMp4 } from './captionedMp4';

export type SaveJobDetail = { state: SaveJob };
type DownloadAnswer = Extract<NonNullable<SaveJob['result']>, { outcome: 'download' }>;

interface CaptionedSaveDeps {
  readonly jobs: JobRegistry;
  readonly events?: EventHub<Contract>;
  readonly mediaRoot: string;
}

export interface CaptionedRender {
  /** The render's file on disk and its path under the media root. */
  readonly source: string;
  readonly mediaPath: string;
  readonly renderId: string;
  readonly durationMs: number;
  /** What the teacher calls it: the download's name. */
  readonly fileName: string;
  readonly tracks: readonly PublishedTrack[];
}

/** Removes the browser host's downloadable copies of a render (made with its captions), as the render goes. */
export function removeCaptionedCopies(mediaRoot: string, renderPath: string, renderId: string): void {
  const folder = path.join(mediaRoot, ...path.posix.dirname(renderPath).split('/'), DOWNLOADS_FOLDER);
  if (!fs.existsSync(folder)) return;
  for (const name of fs.readdirSync(folder))
    if (name.startsWith(`${renderId}-`) && name.endsWith('.mp4')) fs.rmSync(path.join(folder, name), { force: true });
}

/**
 * Copies of renders with the lesson's captions added, made as jobs (ffmpeg.wasm streams the whole render, so this
 * takes a while): into `<target>.part` beside where the teacher chose, renamed only once whole, or for a page to
 * download into `<project>/renders/.downloads/`, one copy per render and set of captions. A cancel, a failure or a
 * crash leaves no part (the job lists it, so the owner's next start removes what a crash left).
 */
export class CaptionedSaves {
  constructor(private readonly deps: CaptionedSaveDeps) {}

  /** A copy at `target` (the save dialog already asked before replacing a file there). */
  toTarget(render: CaptionedRender, target: string, owner: string | undefined): string {
    if (path.resolve(target) === path.resolve(render.source))
      throw new StudioError('conflict', 'That is the library’s own copy');
    const part = `${target}.part`;
    fs.closeSync(fs.openSync(part, 'w'));
    return this.start(render, part, owner, () => {
      fs.renameSync(part, target);
      return { outcome: 'saved', path: target };
    });
  }

  /**
   * A copy for the page to download: answered at once when this render's copy with these very captions exists,
   * else made as a job; once made, older copies of the render (with captions since changed) go.
   */
  forDownload(render: CaptionedRender, owner: string | undefined): DownloadAnswer | { jobId: string } {
    const folderPath = `${path.posix.dirname(render.mediaPath)}/${DOWNLOADS_FOLDER}`;
    const folder = path.join(this.deps.mediaRoot, ...folderPath.split('/'));
    const key = createHash('sha256')
      .update(JSON.stringify(render.tracks.map(({ label, srclang, text }) => [label, srclang, text])))
      .digest('hex')
      .slice(0, 16);
    const base = `${render.renderId}-${key}`;
    const result: DownloadAnswer = {
      outcome: 'download',
      mediaPath: `${folderPath}/${base}.mp4`,
      fileName: render.fileName,
    };
    const out = path.join(folder, `${base}.mp4`);
    if (fs.existsSync(out)) return result;
    const reserved = reserveOutput(folder, base, '.mp4', 'file');
    if (reserved.out !== out) {
      fs.rmSync(reserved.part, { force: true });
      throw new StudioError('conflict', 'This render is being saved with its captions already; try again in a moment');
    }
    const jobId = this.start(render, reserved.part, owner, () => {
      // Copies with older captions go first (the part's name does not end in .mp4, so it stays).
      removeCaptionedCopies(this.deps.mediaRoot, render.mediaPath, render.renderId);
      renameNoReplace(reserved.part, out);
      return result;
    });
    return { jobId };
  }

  job(jobId: string): Job<SaveJobDetail> {
    const job = this.deps.jobs.find<SaveJobDetail>(jobId, 'save');
    if (!job)
      throw new StudioError('not_found', 'That save is not running (it finished long ago, or the app restarted)');
    return job;
  }

  private start(
    render: CaptionedRender,
    part: string,
    owner: string | undefined,
    finish: () => NonNullable<SaveJob['result']>,
  ): string {
    let job: Job<SaveJobDetail>;
    try {
      job = this.deps.jobs.begin<SaveJobDetail>({ kind: 'save', owner, parts: [part] }, (jobId) => ({
        state: { jobId, state: 'running', fraction: 0, result: null, error: null },
      }));
    } catch (error) {
      fs.rmSync(part, { force: true });
      throw error;
    }
    void this.run(job, render, part, finish);
    return job.id;
  }

  private async run(
    job: Job<SaveJobDetail>,
    render: CaptionedRender,
    part: string,
    finish: () => NonNullable<SaveJob['result']>,
  ): Promise<void> {
    const update = (change: Partial<SaveJob>) => {
      job.detail.state = { ...job.detail.state, ...change };
      this.deps.events?.emit('files', 'onDidProgress', job.detail.state);
    };
    try {
      await writeCaptionedMp4(render.source, part, render.tracks, {
        durationMs: render.durationMs,
        signal: job.signal,
        onProgress: ({ percent }) => update({ fraction: Math.min(1, percent / 100) }),
      });
      job.signal.throwIfAborted();
      const result = finish();
      update({ state: 'done', fraction: 1, result });
      job.end('done');
    } catch (error) {
      fs.rmSync(part, { force: true });
      const cancelled = job.signal.aborted;
      if (cancelled) update({ state: 'cancelled' });
      else update({ state: 'failed', error: error instanceof Error ? error.message : String(error) });
      job.end(cancelled ? 'cancelled' : 'failed');
    }
  }
}
