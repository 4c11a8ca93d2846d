import type fs from 'node:fs/promises';

/** Reads of the source: large and sequential; a new window starts a little before the sample that needs it. */
const READ_WINDOW_BYTES = 32 * 1024 * 1024;
const READ_BEHIND_BYTES = 4 * 1024 * 1024;

/**
 * A source file read in large windows, into two buffers in turn: while one is filled, views of the other may still
 * be being written (the writer keeps one write in flight, so the one before is always done by then).
 */
export class Reader {
  private readonly buffers = [Buffer.allocUnsafeSlow(READ_WINDOW_BYTES), Buffer.allocUnsafeSlow(READ_WINDOW_BYTES)];
  private turn = 0;
  private window: Uint8Array = new Uint8Array(0);
  private start = 0;

  constructor(private readonly handle: fs.FileHandle) {}

  holds(offset: number, length: number): boolean {
    return offset >= this.start && offset + length <= this.start + this.window.byteLength;
  }

  async fill(offset: number, length: number): Promise<void> {
    const start = Math.max(0, offset - READ_BEHIND_BYTES);
    this.turn = 1 - this.turn;
    let buffer = this.buffers[this.turn] ?? Buffer.allocUnsafeSlow(READ_WINDOW_BYTES);
    // A sample larger than a window (never a recording's) gets a buffer of its own.
    if (offset - start + length > buffer.byteLength) buffer = Buffer.allocUnsafeSlow(offset - start + length);
    let filled = 0;
    while (filled < buffer.byteLength) {
      const { bytesRead } = await this.handle.read(buffer, filled, buffer.byteLength - filled, start + filled);
      if (bytesRead === 0) break;
      filled += bytesRead;
    }
    if (offset + length > start + filled) throw new Error('The recording is shorter than its index says');
    this.window = buffer.subarray(0, filled);
    this.start = start;
  }

  range(offset: number, length: number): Uint8Array {
    return this.window.subarray(offset - this.start, offset - this.start + length);
  }

  close(): Promise<void> {
    return this.handle.close();
  }
}

/** Gathers views and writes them in order with one write in flight, so reading the next window overlaps it. */
export class Writer {
  private pending: Uint8Array[] = [];
  pendingBytes = 0;
  private inFlight: Promise<void> = Promise.resolve();

  constructor(
    private readonly handle: fs.FileHandle,
    private position: number,
  ) {}

  add(bytes: Uint8Array): void {
    this.pending.push(bytes);
    this.pendingBytes += bytes.byteLength;
  }

  /** Waits for the write before, then starts writing what is pending. */
  async flush(): Promise<void> {
    await this.inFlight;
    const parts = this.pending;
    const at = this.position;
    this.position += this.pendingBytes;
    this.pending = [];
    this.pendingBytes = 0;
    this.inFlight = writeAll(this.handle, parts, at);
    // Seen by the next flush, finish or settle; marked handled now so a failure meanwhile is no unhandled rejection.
    this.inFlight.catch(() => undefined);
  }

  /** Writes the rest; answers the end of the file. */
  async finish(): Promise<number> {
    await this.flush();
    await this.inFlight;
    return this.position;
  }

  /** Waits for a write still in flight (after a failure), ignoring its outcome: the caller is already failing. */
  async settle(): Promise<void> {
    await this.inFlight.catch(() => undefined);
  }
}

export async function writeAll(handle: fs.FileHandle, parts: readonly Uint8Array[], position: number): Promise<void> {
  let at = position;
  let queue = parts.filter((part) => part.byteLength > 0);
  while (queue.length > 0) {
    // writev takes at most IOV_MAX (1024) buffers at once.
    const batch = queue.slice(0, 1024);
    const { bytesWritten } = await handle.writev(batch, at);
    at += bytesWritten;
    let left = bytesWritten;
    const rest: Uint8Array[] = [];
    for (const part of queue) {
      if (left >= part.byteLength) left -= part.byteLength;
      else {
        rest.push(left > 0 ? part.subarray(left) : part);
        left = 0;
      }
    }
    queue = rest;
  }
}
