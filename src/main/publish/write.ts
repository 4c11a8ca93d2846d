import fs from 'node:fs';
import path from 'node:path';
import { Transform, type Readable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import { ZipFile } from 'yazl';
import { zipPathProblem } from '@shared/publish/zipPath';
import type { PackageEntry } from './plan';
import { renameNoReplace, type ReservedOutput } from '../jobs/outputs';

export interface WriteOptions {
  readonly signal: AbortSignal;
  /** Bytes of entry data consumed so far, out of `totalBytes(entries)`. */
  readonly onBytes: (done: number) => void;
  /** Entries' modification time: the snapshot's instant, so two builds of one snapshot are byte-identical. */
  readonly mtime: Date;
}

export function totalBytes(entries: readonly PackageEntry[]): number {
  return entries.reduce((sum, entry) => sum + (entry.kind === 'bytes' ? entry.data.byteLength : entry.size), 0);
}

/** Cancelled by the teacher: not an error to report, only a reason to stop and clean up. */
export class Cancelled extends Error {
  constructor() {
    super('Cancelled');
  }
}

/** Refuses an unsafe entry path before a byte is written, removing the reserved part. */
function assertSafe(entries: readonly PackageEntry[], part: string): void {
  for (const entry of entries) {
    const problem = zipPathProblem(entry.path);
    if (problem) {
      fs.rmSync(part, { recursive: true, force: true });
      throw new Error(`Refusing to write an unsafe package path: ${problem}`);
    }
  }
}

/**
 * Streams the entries into the reserved part with yazl and renames it to `out` only once the zip is whole. On cancel
 * or failure the part is removed, so nothing half-written is ever left. `beforeRename` may inspect the part (the
 * check).
 */
export async function writeZip(
  entries: readonly PackageEntry[],
  { out, part }: ReservedOutput,
  options: WriteOptions,
  beforeRename?: (part: string) => Promise<void>,
): Promise<number> {
  assertSafe(entries, part);
  const zip = new ZipFile();
  const sources: Readable[] = [];
  let done = 0;
  const count = () =>
    new Transform({
      transform(chunk: Buffer, _encoding, callback) {
        done += chunk.byteLength;
        options.onBytes(done);
        callback(null, chunk);
      },
    });
  for (const entry of entries) {
    const zipOptions = { mtime: options.mtime, compress: entry.compress, mode: 0o100644 };
    if (entry.kind === 'bytes') {
      zip.addBuffer(entry.data, entry.path, zipOptions);
      done += entry.data.byteLength;
    } else {
      const read = fs.createReadStream(entry.file);
      const counted = read.pipe(count());
      // A read failure reaches yazl, whose output then fails the pipeline below; no second report needed here.
      counted.on('error', () => undefined);
      read.on('error', (error) => counted.destroy(error));
      sources.push(read, counted);
      zip.addReadStream(counted, entry.path, { ...zipOptions, size: entry.size });
    }
  }
  zip.end();
  const abort = () => {
    for (const source of sources) source.destroy();
  };
  options.signal.addEventListener('abort', abort, { once: true });
  // A function, not an inline check: the signal can turn aborted during any await in between.
  const stopIfCancelled = () => {
    if (options.signal.aborted) throw new Cancelled();
  };
  try {
    stopIfCancelled();
    await pipeline(zip.outputStream, fs.createWriteStream(part, { flags: 'w' }), { signal: options.signal });
    stopIfCancelled();
    await beforeRename?.(part);
    stopIfCancelled();
    renameNoReplace(part, out);
    return fs.statSync(out).size;
  } catch (error) {
    fs.rmSync(part, { force: true });
    throw options.signal.aborted ? new Cancelled() : error;
  } finally {
    options.signal.removeEventListener('abort', abort);
  }
}

/** A plain folder written into the reserved part folder and renamed when every file is in; removed on cancel or failure. */
export async function writeFolder(
  entries: readonly PackageEntry[],
  { out, part }: ReservedOutput,
  options: WriteOptions,
): Promise<number> {
  assertSafe(entries, part);
  let done = 0;
  try {
    for (const entry of entries) {
      if (options.signal.aborted) throw new Cancelled();
      const target = path.join(part, ...entry.path.split('/'));
      fs.mkdirSync(path.dirname(target), { recursive: true });
      if (entry.kind === 'bytes') {
        fs.writeFileSync(target, entry.data);
        done += entry.data.byteLength;
      } else {
        const counter = new Transform({
          transform(chunk: Buffer, _encoding, callback) {
            done += chunk.byteLength;
            options.onBytes(done);
            callback(null, chunk);
          },
        });
        await pipeline(fs.createReadStream(entry.file), counter, fs.createWriteStream(target), {
          signal: options.signal,
        });
      }
      fs.utimesSync(target, options.mtime, options.mtime);
      options.onBytes(done);
    }
    renameNoReplace(part, out);
    return done;
  } catch (error) {
    fs.rmSync(part, { recursive: true, force: true });
    throw options.signal.aborted ? new Cancelled() : error;
  }
}
