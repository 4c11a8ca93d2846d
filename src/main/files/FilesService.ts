import fs from 'node:fs';
import path from 'node:path';
import type { CallContext, Contract, Input, ServiceHandlers } from '@shared/contract';
import type { LibraryFile, RenderCaptionsInfo, SaveAsOutcome, SaveJob } from '@shared/contract/files';
import { StudioError } from '@shared/contract/result';
import { readableFileName } from '@shared/format/fileName';
import { packageExtension, packageFileName } from '@shared/publish/history';
import type { StudioDatabase } from '../store/database';
import { JobRegistry } from '../jobs/JobRegistry';
import { resolveEntryInside } from '../media/resolveInside';
import { DOWNLOADS_FOLDER, type PublishHistory } from '../publish/history';
import type { EventHub } from '../rpc/eventHub';
import { zipOfFolder } from './folderZip';
import { CaptionedSaves, type CaptionedRender } from './captionedSave';
import { renderCaptions } from './renderCaptions';

/** What a desktop shell offers: a save dialog and the file manager. The browser host and the CLI have neither. */
export interface FileShell {
  /** The path the teacher chose for `suggestedName`, or null when they cancelled. */
  chooseSavePath(suggestedName: string, kind: 'file' | 'folder'): Promise<string | null>;
  reveal(file: string): void;
}

interface FilesDeps {
  db: StudioDatabase;
  mediaRoot: string;
  shell?: FileShell;
  /** Names exports after what was published (title, format, version); without it, by their folder name. */
  history?: PublishHistory;
  /** The studio's registry, which cleans up a zip left half-written; standing alone, the service has its own. */
  jobs?: JobRegistry;
  /** Where a save with captions reports its progress. */
  events?: EventHub<Contract>;
}

interface LocatedFile {
  /** Relative to the media root, as the media protocol serves it. */
  mediaPath: string;
  /** What a teacher would call it on their desktop. */
  suggestedName: string;
  /** For a web folder that travels as a zip: what the zip is called. */
  zipName: string;
  /** A render's: how long it plays. */
  durationMs: number;
}

/**
 * Takes renders and exports out of the library: a copy where the teacher chooses (written beside its destination
 * and renamed only once whole, so a failed copy leaves nothing), or, without a save dialog, the name the page
 * downloads it under (a web folder as a zip of it). Only renders the database knows and exports inside the media
 * root can be named.
 */
export class FilesService implements ServiceHandlers<Contract['files']> {
  private readonly jobs: JobRegistry;
  private readonly captioned: CaptionedSaves;

  constructor(private readonly deps: FilesDeps) {
    this.jobs = deps.jobs ?? new JobRegistry();
    this.captioned = new CaptionedSaves({
      jobs: this.jobs,
      mediaRoot: deps.mediaRoot,
      ...(deps.events ? { events: deps.events } : {}),
    });
  }

  async saveAs(input: Input<'files', 'saveAs'>, context?: CallContext): Promise<SaveAsOutcome> {
    const located = this.locate(input);
    const source = await this.existing(located);
    const isFolder = fs.statSync(source).isDirectory();
    const { shell } = this.deps;
    const tracks = input.kind === 'render' && input.captions === true ? this.captionTracks(input.renderId) : [];
    if (input.kind === 'render' && tracks.length > 0) {
      const render: CaptionedRender = {
        source,
        mediaPath: located.mediaPath,
        renderId: input.renderId,
        durationMs: located.durationMs,
        fileName: located.suggestedName,
        tracks,
      };
      if (!shell) {
        const answer = this.captioned.forDownload(render, context?.caller);
        return 'jobId' in answer ? { outcome: 'saving', jobId: answer.jobId } : answer;
      }
      const target = await shell.chooseSavePath(located.suggestedName, 'file');
      if (target === null) return { outcome: 'cancelled' };
      return { outcome: 'saving', jobId: this.captioned.toTarget(render, target, context?.caller) };
    }
    if (!shell) {
      if (!isFolder) return { outcome: 'download', mediaPath: located.mediaPath, fileName: located.suggestedName };
      const zipsPath = `${path.posix.dirname(located.mediaPath)}/${DOWNLOADS_FOLDER}`;
      const zip = await zipOfFolder(
        source,
        path.join(this.deps.mediaRoot, ...zipsPath.split('/')),
        located.suggestedName,
        this.jobs,
      );
      return { outcome: 'download', mediaPath: `${zipsPath}/${path.basename(zip)}`, fileName: located.zipName };
    }
    const target = await shell.chooseSavePath(located.suggestedName, isFolder ? 'folder' : 'file');
    if (target === null) return { outcome: 'cancelled' };
    await copyWhole(source, target, isFolder);
    return { outcome: 'saved', path: target };
  }

  renderCaptions(input: Input<'files', 'renderCaptions'>): RenderCaptionsInfo {
    this.locate({ kind: 'render', renderId: input.renderId });
    const { tracks, unavailable } = renderCaptions(this.deps.db, input.renderId);
    return { tracks: tracks.map(({ label, srclang }) => ({ label, srclang })), unavailable };
  }

  status(input: Input<'files', 'status'>): SaveJob {
    return this.captioned.job(input.jobId).detail.state;
  }

  cancel(input: Input<'files', 'cancel'>): Record<string, never> {
    this.jobs.cancel(this.captioned.job(input.jobId).id);
    return {};
  }

  async reveal(input: Input<'files', 'reveal'>): Promise<{ shown: boolean }> {
    const source = await this.existing(this.locate(input));
    if (!this.deps.shell) return { shown: false };
    this.deps.shell.reveal(source);
    return { shown: true };
  }

  /** The captions a copy of the render carries; asked for where they cannot go, the reason is the error. */
  private captionTracks(renderId: string) {
    const { tracks, unavailable } = renderCaptions(this.deps.db, renderId);
    if (unavailable !== null) throw new StudioError('conflict', unavailable);
    return tracks;
  }

  private locate(file: LibraryFile): LocatedFile {
    if (file.kind === 'export') {
      const record = this.deps.history?.byPath(file.path);
      const plain = path.posix.basename(file.path);
      if (!record) return { mediaPath: file.path, suggestedName: plain, zipName: `${plain}.zip`, durationMs: 0 };
      return {
        mediaPath: file.path,
        suggestedName: packageFileName(record, record.kind === 'zip' ? packageExtension(record.format) : ''),
        zipName: packageFileName(record, 'zip'),
        durationMs: 0,
      };
    }
    const row = this.deps.db
      .prepare(
        `SELECT r.path, r.label, r.status, r.duration_ms, l.title FROM renders r JOIN lessons l ON l.id = r.lesson_id WHERE r.id = ?`,
      )
      .get(file.renderId) as
      { path: string; label: string; status: string; duration_ms: number; title: string } | undefined;
    if (!row) throw new StudioError('not_found', 'That render no longer exists');
    if (row.status !== 'ready') throw new StudioError('conflict', 'That render has not finished yet');
    const extension = path.posix.extname(row.path).slice(1);
    const suggestedName = readableFileName(`${row.title} (${row.label})`, extension);
    return { mediaPath: row.path, suggestedName, zipName: suggestedName, durationMs: row.duration_ms };
  }

  private async existing(located: LocatedFile): Promise<string> {
    const encoded = located.mediaPath.split('/').map(encodeURIComponent).join('/');
    const source = await resolveEntryInside(this.deps.mediaRoot, encoded);
    if (source === null) throw new StudioError('not_found', `${located.suggestedName} is no longer in the library`);
    return source;
  }
}

/** Copies into `<target>.part` and renames it into place; on any failure the part is removed and the error stands. */
async function copyWhole(source: string, target: string, isFolder: boolean): Promise<void> {
  if (path.resolve(target) === path.resolve(source))
    throw new StudioError('conflict', 'That is the library’s own copy');
  // The save dialog asked before replacing a file; a folder of that name holds the teacher's things, so it stays.
  if (isFolder && fs.existsSync(target))
    throw new StudioError('conflict', `A folder named ${path.basename(target)} is already there; choose another name`);
  const part = `${target}.part`;
  try {
    if (isFolder) await fs.promises.cp(source, part, { recursive: true, errorOnExist: true, force: false });
    else await fs.promises.copyFile(source, part);
    await fs.promises.rename(part, target);
  } catch (error) {
    await fs.promises.rm(part, { recursive: true, force: true });
    throw error;
  }
}
