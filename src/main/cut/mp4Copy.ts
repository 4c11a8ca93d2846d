import fs from 'node:fs/promises';
import { fourcc, sampleTableBoxes } from '../recording/flatMoov';
import { box, childBoxes, contentOf, fullBox, requireChild, u32, withDuration, type Box } from '../recording/mp4Boxes';
import { SampleTable } from '../recording/sampleTable';
import type { SourceSamples } from './sourceSamples';

/** One sample of the output: copied from `offset` of its track's source file, or these bytes (re-encoded at a cut). */
export interface OutputSample {
  /** Presentation time in the output (s). */
  readonly timestamp: number;
  /** How long it shows (s); used for the last sample, the others last until the next. */
  readonly duration: number;
  readonly key: boolean;
  readonly size: number;
  readonly offset: number;
  readonly bytes: Uint8Array | null;
}

export interface OutputTrack {
  /** The file the copied samples are read from, and its track's boxes. */
  readonly file: string;
  readonly source: SourceSamples;
  /** The sample description to write (the source's, or a video one carrying another avcC). */
  readonly stsd: Uint8Array;
  readonly samples: readonly OutputSample[];
}

export interface CopyOptions {
  readonly signal: AbortSignal;
  /** Output seconds written so far. */
  readonly onProgress: (seconds: number) => void;
}

const MOVIE_TIMESCALE = 1000;
/** A chunk of samples stored together: half a second of one track, as muxers interleave them. */
const CHUNK_SECONDS = 0.5;
const MDAT_HEADER_BYTES = 16;
/** Reads of the source: large and sequential; a new window starts a little before the sample that needs it. */
const READ_WINDOW_BYTES = 32 * 1024 * 1024;
const READ_BEHIND_BYTES = 4 * 1024 * 1024;
/** Writes: gathered views of the read windows, written together once this many bytes are waiting. */
const WRITE_BYTES = 16 * 1024 * 1024;

interface Chunk {
  readonly track: number;
  readonly start: number;
  readonly from: number;
  readonly to: number;
}

/**
 * Writes a fast-start MP4 by copying sample bytes from the sources, never through a muxer's per-packet path: every
 * sample's size is known before a byte is written, so the index is computed first and written at the front, then
 * the media is streamed in large sequential reads and gathered writes (the bytes are copied once, source to output).
 */
export async function writeCopiedMp4(target: string, tracks: readonly OutputTrack[], options: CopyOptions) {
  const layout = planLayout(tracks);
  const out = await fs.open(target, 'w');
  const readers = new Map<string, Reader>();
  const writer = new Writer(out, layout.head.byteLength);
  try {
    await writeAll(out, [layout.head], 0);
    for (const chunk of layout.chunks) {
      if (options.signal.aborted) throw options.signal.reason;
      const track = tracks[chunk.track];
      if (!track) continue;
      let reader = readers.get(track.file);
      if (!reader) {
        reader = new Reader(await fs.open(track.file, 'r'));
        readers.set(track.file, reader);
      }
      for (let index = chunk.from; index < chunk.to;) {
        const sample = track.samples[index];
        if (!sample) break;
        if (sample.bytes) {
          writer.add(sample.bytes);
          index += 1;
          continue;
        }
        // Samples stored back to back in the source are read as one range.
        let end = index + 1;
        let length = sample.size;
        for (let next = track.samples[end]; end < chunk.to && next && !next.bytes; next = track.samples[end]) {
          if (next.offset !== sample.offset + length) break;
          length += next.size;
          end += 1;
        }
        if (!reader.holds(sample.offset, length)) {
          // The reader is about to fill its other buffer: the writes that view it must be done first.
          await writer.flush();
          await reader.fill(sample.offset, length);
        }
        writer.add(reader.range(sample.offset, length));
        index = end;
      }
      if (writer.pendingBytes >= WRITE_BYTES) await writer.flush();
      const last = track.samples[chunk.to - 1];
      if (last) options.onProgress(last.timestamp + last.duration);
    }
    const position = await writer.finish();
    if (position !== layout.end) throw new Error(`The cut wrote ${position} bytes where it planned ${layout.end}`);
  } finally {
    await writer.settle();
    await out.close();
    for (const reader of readers.values()) await reader.close();
  }
}

/** The head of the file (ftyp, moov, mdat's header) and the order its chunks follow, with the file's planned end. */
function planLayout(tracks: readonly OutputTrack[]): { head: Uint8Array; chunks: Chunk[]; end: number } {
  const chunks: Chunk[] = [];
  tracks.forEach((track, index) => chunks.push(...chunksOf(track, index)));
  chunks.sort((a, b) => a.start - b.start || a.track - b.track);
  const tables = tracks.map(() => new SampleTable());
  const durations = tracks.map((track) => sampleDurations(track));
  let dataBytes = 0;
  for (const chunk of chunks) {
    const track = tracks[chunk.track];
    const table = tables[chunk.track];
    const ticks = durations[chunk.track];
    if (!track || !table || !ticks) continue;
    const samples = track.samples.slice(chunk.from, chunk.to).map((sample, offset) => ({
      size: sample.size,
      duration: ticks[chunk.from + offset] ?? 0,
      sync: sample.key,
      compositionOffset: 0,
    }));
    table.addRun(dataBytes, samples);
    dataBytes += samples.reduce((sum, sample) => sum + sample.size, 0);
  }
  const ftyp = box('ftyp', ...['isom', 0x200, 'isom', 'iso2', 'avc1', 'mp41'].map(fourcc));
  // The moov's size does not depend on the offsets it holds, so it is built once to learn where the media starts.
  const wide = ftyp.byteLength + dataBytes + 2 * MDAT_HEADER_BYTES > 0xffffffff - 64 * 1024 * 1024;
  const moovSize = moovOf(tracks, tables, wide).byteLength;
  const dataStart = ftyp.byteLength + moovSize + MDAT_HEADER_BYTES;
  for (const table of tables) {
    const offsets = table.chunkOffsets.view();
    for (let i = 0; i < offsets.length; i++) offsets[i] = (offsets[i] ?? 0) + dataStart;
  }
  const moov = moovOf(tracks, tables, wide);
  const mdatHeader = new Uint8Array(MDAT_HEADER_BYTES);
  const view = new DataView(mdatHeader.buffer);
  view.setUint32(0, 1);
  mdatHeader.set(fourcc('mdat'), 4);
  view.setBigUint64(8, BigInt(MDAT_HEADER_BYTES + dataBytes));
  const head = new Uint8Array(ftyp.byteLength + moov.byteLength + MDAT_HEADER_BYTES);
  head.set(ftyp);
  head.set(moov, ftyp.byteLength);
  head.set(mdatHeader, ftyp.byteLength + moov.byteLength);
  return { head, chunks, end: head.byteLength + dataBytes };
}

function chunksOf(track: OutputTrack, index: number): Chunk[] {
  const chunks: Chunk[] = [];
  let from = 0;
  for (let at = 1; at <= track.samples.length; at++) {
    const start = track.samples[from]?.timestamp ?? 0;
    const here = track.samples[at]?.timestamp;
    if (here === undefined || here - start >= CHUNK_SECONDS) {
      chunks.push({ track: index, start, from, to: at });
      from = at;
    }
  }
  return chunks;
}

/** Each sample's duration in its timescale: until the next sample's (rounded) time, so rounding never accumulates. */
function sampleDurations(track: OutputTrack): Uint32Array {
  const scale = track.source.timescale;
  const ticks = track.samples.map((sample) => Math.round(sample.timestamp * scale));
  return Uint32Array.from(track.samples, (sample, index) => {
    const next = ticks[index + 1];
    const duration = next === undefined ? Math.round(sample.duration * scale) : next - (ticks[index] ?? 0);
    if (duration < 0) throw new Error('The cut put a sample before the one it follows');
    return Math.max(next === undefined ? 1 : 0, duration);
  });
}

function moovOf(tracks: readonly OutputTrack[], tables: readonly SampleTable[], wide: boolean): Uint8Array {
  const traks = tracks.map((track, index) => {
    const table = tables[index] ?? new SampleTable();
    const scale = track.source.timescale;
    const start = Math.round((track.samples[0]?.timestamp ?? 0) * MOVIE_TIMESCALE);
    const mediaMs = Math.round((table.nextDecodeTime / scale) * MOVIE_TIMESCALE);
    return { trak: trakOf(track, index + 1, table, start, mediaMs, wide), endMs: start + mediaMs };
  });
  const duration = Math.max(0, ...traks.map((trak) => trak.endMs));
  return box('moov', movieHeader(duration, tracks.length + 1), ...traks.map((trak) => trak.trak));
}

/**
 * The output's `trak`: the source track's headers (its id renumbered, its durations the output's), an edit list
 * delaying a track that starts after zero, the sample description given, and the output's sample table.
 */
function trakOf(
  track: OutputTrack,
  id: number,
  table: SampleTable,
  startMs: number,
  mediaMs: number,
  wide: boolean,
): Uint8Array {
  const source = track.source.trak;
  const mdia = requireChild(source, 'mdia');
  const minf = requireChild(mdia, 'minf');
  const mediaHeaders = childBoxes(contentOf(minf)).filter((child) => child.type.endsWith('hd'));
  const edits =
    startMs > 0
      ? [
          box(
            'edts',
            fullBox(
              'elst',
              0,
              0,
              u32(2),
              u32(startMs),
              u32(0xffffffff),
              u32(0x10000),
              u32(mediaMs),
              u32(0),
              u32(0x10000),
            ),
          ),
        ]
      : [];
  return box(
    'trak',
    withTrackId(requireChild(source, 'tkhd'), id, startMs + mediaMs),
    ...edits,
    box(
      'mdia',
      withDuration(requireChild(mdia, 'mdhd'), table.nextDecodeTime),
      requireChild(mdia, 'hdlr').bytes,
      box(
        'minf',
        ...mediaHeaders.map((header) => header.bytes),
        requireChild(minf, 'dinf').bytes,
        box('stbl', track.stsd, ...sampleTableBoxes(table, wide)),
      ),
    ),
  );
}

function withTrackId(tkhd: Box, id: number, duration: number): Uint8Array {
  const bytes = withDuration(tkhd, duration);
  const version = bytes[tkhd.headerSize] ?? 0;
  new DataView(bytes.buffer, bytes.byteOffset).setUint32(tkhd.headerSize + (version === 1 ? 20 : 12), id);
  return bytes;
}

function movieHeader(durationMs: number, nextTrackId: number): Uint8Array {
  const unity = [0x10000, 0, 0, 0, 0x10000, 0, 0, 0, 0x40000000];
  return fullBox(
    'mvhd',
    0,
    0,
    ...[0, 0, MOVIE_TIMESCALE, durationMs, 0x10000, 0x01000000, 0, 0, ...unity, 0, 0, 0, 0, 0, 0, nextTrackId].map(u32),
  );
}

/** A video track's sample description with `avcC` replaced (a smart cut's pieces add their parameter sets to it). */
export function withAvcConfig(stsd: Box, description: Uint8Array): Uint8Array {
  const content = contentOf(stsd);
  const entries = childBoxes(content.subarray(8));
  const entry = entries[0];
  if (entries.length !== 1 || !entry) throw new Error('The recording describes its picture more than one way');
  const visualFields = 78;
  const fields = contentOf(entry).subarray(0, visualFields);
  const children = childBoxes(contentOf(entry).subarray(visualFields)).map((child) =>
    child.type === 'avcC' ? box('avcC', description) : child.bytes,
  );
  return box('stsd', content.subarray(0, 8), box(entry.type, fields, ...children));
}

/**
 * A source file read in large windows, into two buffers in turn: while one is filled, views of the other may still
 * be being written (the writer keeps one write in flight, so the one before is always done by then).
 */
class Reader {
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
class Writer {
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

async function writeAll(handle: fs.FileHandle, parts: readonly Uint8Array[], position: number): Promise<void> {
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
