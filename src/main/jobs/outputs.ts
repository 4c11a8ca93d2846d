import fs from 'node:fs';
import path from 'node:path';
import { StudioError } from '@shared/contract/result';

export type OutputKind = 'file' | 'folder';

export interface ReservedOutput {
  /** Where the finished output goes. */
  readonly out: string;
  /** Created empty, exclusively, by this call: the job writes here and nowhere else. */
  readonly part: string;
}

/**
 * Picks `<base><extension>`, then `<base>-2<extension>` …, the first whose name and `.part` are both free, and
 * creates the part at once (`wx` for a file, `mkdir` for a folder): the operating system refuses a name already
 * taken, so two jobs started together can never share a part, and an earlier output is never overwritten.
 * `isTaken` holds back names that are spoken for without a file (a publish history entry whose file has gone).
 */
export function reserveOutput(
  folder: string,
  base: string,
  extension: string,
  kind: OutputKind,
  isTaken: (out: string) => boolean = () => false,
): ReservedOutput {
  fs.mkdirSync(folder, { recursive: true });
  for (let n = 1; ; n += 1) {
    const out = path.join(folder, `${n === 1 ? base : `${base}-${n}`}${extension}`);
    const part = `${out}.part`;
    if (fs.existsSync(out) || isTaken(out)) continue;
    try {
      if (kind === 'folder') fs.mkdirSync(part);
      else fs.closeSync(fs.openSync(part, 'wx'));
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code === 'EEXIST') continue;
      throw error;
    }
    if (fs.existsSync(out)) {
      fs.rmSync(part, { recursive: true, force: true });
      continue;
    }
    return { out, part };
  }
}

/**
 * Renames a finished part into place, refusing to replace anything that appeared at `out` meanwhile. A file is
 * hard-linked (the link fails if `out` exists, atomically) and then unlinked; where links are not supported, and for
 * folders, the name is checked just before the rename.
 */
export function renameNoReplace(part: string, out: string): void {
  const taken = () => new StudioError('conflict', `${out} appeared while the studio was writing it; it was left alone`);
  if (fs.statSync(part).isFile()) {
    try {
      fs.linkSync(part, out);
      fs.unlinkSync(part);
      return;
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code === 'EEXIST') throw taken();
    }
  }
  if (fs.existsSync(out)) throw taken();
  fs.renameSync(part, out);
}
