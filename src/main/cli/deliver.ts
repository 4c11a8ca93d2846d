import fs from 'node:fs';
import path from 'node:path';
import { randomUUID } from 'node:crypto';
import { StudioError } from '@shared/contract/result';
import type { JobRegistry } from '../jobs/JobRegistry';
import { renameNoReplace, type OutputKind } from '../jobs/outputs';

/** Marks a launch page as one the studio wrote (the publish builder's `index.html`). */
const FLIPSIDE_PAGE = /<meta name="flipside-lms"/;

/**
 * Refuses an `--out` that exists, unless `force`; even then only a file is replaced by a file, and a folder only by
 * a folder that is itself a Flipside web export, so `--force` never deletes a folder of the teacher's.
 */
export function checkDestination(out: string, kind: OutputKind, force: boolean): void {
  if (!fs.existsSync(path.dirname(out)))
    throw new StudioError('invalid_input', `cannot write ${out}: its folder does not exist`);
  if (!fs.existsSync(out)) return;
  if (!force)
    throw new StudioError('conflict', `${out} already exists; choose another --out, or add --force to replace it`);
  const stat = fs.statSync(out);
  if (kind === 'file' && !stat.isFile())
    throw new StudioError('conflict', `${out} is a folder; --force replaces only a file`);
  if (kind === 'folder' && !(stat.isDirectory() && isFlipsideFolder(out)))
    throw new StudioError(
      'conflict',
      `${out} is not a web folder Flipside Studio published, so --force leaves it alone`,
    );
}

export interface DeliverOptions {
  readonly kind: OutputKind;
  readonly force: boolean;
  /** Copy (a render stays in the library) or move (the CLI's export has no other use). */
  readonly keepSource: boolean;
  readonly jobs: JobRegistry;
  /** Makes the file at `temp` from `source` instead of copying it (a render with its captions added). */
  readonly make?: (source: string, temp: string, signal: AbortSignal) => Promise<void>;
}

/**
 * Puts a finished output from the library at `out`. It goes first to a hidden name of our own beside `out`
 * (`.<name>.flipside-<id>.part`, never a file the teacher made, recorded as a job's part so a crash's leftover is
 * removed), then into place in one rename: `out` is never half-written, and nothing at `out` is replaced unless
 * `force` allowed it (checked again here, since time has passed).
 */
export async function deliver(source: string, out: string, options: DeliverOptions): Promise<void> {
  checkDestination(out, options.kind, options.force);
  const temp = path.join(path.dirname(out), `.${path.basename(out)}.flipside-${randomUUID().slice(0, 8)}.part`);
  const old = `${temp}.old.part`;
  await options.jobs.run({ kind: 'copy', owner: 'cli', parts: [temp, old] }, async (job) => {
    try {
      if (options.make) await options.make(source, temp, job.signal);
      else await place(source, temp, options.keepSource);
      job.signal.throwIfAborted();
      if (!fs.existsSync(out)) renameNoReplace(temp, out);
      else if (options.kind === 'file') fs.renameSync(temp, out);
      else {
        fs.renameSync(out, old);
        fs.renameSync(temp, out);
        fs.rmSync(old, { recursive: true, force: true });
      }
    } catch (error) {
      fs.rmSync(temp, { recursive: true, force: true });
      throw error;
    }
  });
}

async function place(source: string, temp: string, keepSource: boolean): Promise<void> {
  if (!keepSource) {
    try {
      fs.renameSync(source, temp);
      return;
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== 'EXDEV') throw error;
    }
  }
  await fs.promises.cp(source, temp, { recursive: true, errorOnExist: true, force: false });
  if (!keepSource) fs.rmSync(source, { recursive: true, force: true });
}

function isFlipsideFolder(folder: string): boolean {
  try {
    return FLIPSIDE_PAGE.test(fs.readFileSync(path.join(folder, 'index.html'), 'utf8'));
  } catch {
    return false;
  }
}
