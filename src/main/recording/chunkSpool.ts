import fs from 'node:fs';

/** How often appended bytes are forced to disk; the issue allows 5 s, a second keeps the loss to one chunk. */
const SYNC_INTERVAL_MS = 1000;

export interface SpoolFiles {
  /** The media bytes, append-only. */
  readonly part: string;
  /** One line per complete chunk: `index offset length atMs`, written after the bytes it describes. */
  readonly index: string;
}

export interface SpoolState {
  readonly chunks: number;
  readonly bytes: number;
  readonly lastAtMs: number;
}

/**
 * Appends one track's chunks to disk as they arrive. The index line is written only after the chunk's bytes, so
 * after a crash the index tells exactly how many bytes of the part file are whole chunks (see readSpoolIndex).
 */
export class ChunkSpool {
  private state: SpoolState;
  private lastSync: number;
  private closed = false;
  /** Bytes of whole index lines written: where the next line goes, and what a failed write is cut back to. */
  private indexBytes = 0;

  private constructor(
    private readonly files: SpoolFiles,
    private readonly partFd: number,
    private readonly indexFd: number,
    state: SpoolState,
    private readonly now: () => number,
  ) {
    this.state = state;
    this.lastSync = now();
  }

  /** Creates fresh part and index files; refuses to overwrite existing ones. */
  static create(files: SpoolFiles, now: () => number = Date.now): ChunkSpool {
    const partFd = fs.openSync(files.part, 'wx');
    let indexFd: number;
    try {
      indexFd = fs.openSync(files.index, 'wx');
    } catch (error) {
      fs.closeSync(partFd);
      throw error;
    }
    return new ChunkSpool(files, partFd, indexFd, { chunks: 0, bytes: 0, lastAtMs: 0 }, now);
  }

  get progress(): SpoolState {
    return this.state;
  }

  append(index: number, atMs: number, data: Uint8Array): SpoolState {
    if (this.closed) throw new Error('This recording is already finished');
    if (index !== this.state.chunks) {
      throw new Error(
        `Chunk ${index} arrived but chunk ${this.state.chunks} was expected; the recording lost data on the way`,
      );
    }
    const line = Buffer.from(`${index} ${this.state.bytes} ${data.byteLength} ${atMs}\n`);
    try {
      writeFullyAt(this.partFd, data, this.state.bytes);
      writeFullyAt(this.indexFd, line, this.indexBytes);
    } catch (error) {
      this.cutBackToLastChunk();
      throw error;
    }
    this.indexBytes += line.byteLength;
    this.state = {
      chunks: index + 1,
      bytes: this.state.bytes + data.byteLength,
      lastAtMs: Math.max(this.state.lastAtMs, atMs),
    };
    if (this.now() - this.lastSync >= SYNC_INTERVAL_MS) this.sync();
    return this.state;
  }

  /**
   * A write that failed part-way (the disk filled up) leaves torn bytes after the last whole chunk; a retried chunk
   * must start where the index says, so they are cut off. Truncating frees space, so it works on a full disk; if it
   * still fails, `readSpoolIndex` vouches only for whole chunks anyway.
   */
  private cutBackToLastChunk(): void {
    try {
      fs.ftruncateSync(this.partFd, this.state.bytes);
      fs.ftruncateSync(this.indexFd, this.indexBytes);
    } catch {
      // Left to recovery, which reads only what the index vouches for.
    }
  }

  sync(): void {
    fs.fdatasyncSync(this.partFd);
    fs.fdatasyncSync(this.indexFd);
    this.lastSync = this.now();
  }

  close(): SpoolState {
    if (this.closed) return this.state;
    this.closed = true;
    try {
      this.sync();
    } finally {
      fs.closeSync(this.partFd);
      fs.closeSync(this.indexFd);
    }
    return this.state;
  }
}

/** Positional, so a retry after a failed write lands where the index says, whatever the file position was. */
function writeFullyAt(fd: number, data: Uint8Array, position: number): void {
  let offset = 0;
  while (offset < data.byteLength)
    offset += fs.writeSync(fd, data, offset, data.byteLength - offset, position + offset);
}

/**
 * What survived of a spool: the whole chunks the index vouches for, ignoring a torn last line and any entry that
 * claims bytes the part file does not have (the bytes were lost although the line was written).
 */
export function readSpoolIndex(files: SpoolFiles): SpoolState {
  let text: string;
  let partSize: number;
  try {
    text = fs.readFileSync(files.index, 'utf8');
    partSize = fs.statSync(files.part).size;
  } catch {
    return { chunks: 0, bytes: 0, lastAtMs: 0 };
  }
  let state: SpoolState = { chunks: 0, bytes: 0, lastAtMs: 0 };
  for (const line of text.split('\n')) {
    const match = /^(\d+) (\d+) (\d+) (\d+)$/.exec(line);
    if (!match) break;
    const [index, offset, length, atMs] = match.slice(1).map(Number) as [number, number, number, number];
    if (index !== state.chunks || offset !== state.bytes || offset + length > partSize) break;
    state = { chunks: index + 1, bytes: offset + length, lastAtMs: Math.max(state.lastAtMs, atMs) };
  }
  return state;
}
