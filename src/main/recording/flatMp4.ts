import fs from 'node:fs';
import {
  Mp4LayoutError,
  box,
  childBoxes,
  childOf,
  contentOf,
  readBoxHeader,
  requireChild,
  timescaleOf,
  u32,
  viewOf,
  withDuration,
  type Box,
} from './mp4Boxes';
import { SampleTable, type Sample } from './sampleTable';
import { endOf, fourcc, trakOf, type Track } from './flatMoov';
import { fragmentRuns } from './mp4Fragments';

/** A box this large is not a fragment of a recording; refusing it keeps a stray file from filling memory. */
const MAX_BOX_BYTES = 256 * 1024 * 1024;
const MDAT_HEADER_BYTES = 16;
const FTYP = box('ftyp', ...['isom', 0x200, 'isom', 'iso2', 'avc1', 'mp41'].map(fourcc));

interface PendingRun {
  readonly track: Track;
  /** Where the run's bytes are in the fragmented file. */
  readonly offset: number;
  readonly samples: Sample[];
  /** The fragment's base decode time, on the first run of a track fragment only. */
  readonly decodeTime: number | null;
}

export interface FlatFinish {
  /** Holds the video's last frame to this time (seconds, in the file's own time) if it ends earlier. */
  holdVideoUntilS?: number;
}

/**
 * Turns a fragmented MP4 (what MediaRecorder writes) into a plain one while it is being written: each fragment's
 * media is appended to one `mdat` as it arrives and its samples to tables in memory, so finishing only writes the
 * `moov` with full sample tables. The result seeks at once in every browser and reader, and finishing costs the
 * same for an hour as for a minute. Fed bytes in any slicing; a layout it does not know throws Mp4LayoutError.
 */
export class FlatMp4Builder {
  private fd: number | null;
  private pending = new Uint8Array(0);
  /** Offset in the fragmented file of `pending[0]`. */
  private inputPos = 0;
  private outputPos = FTYP.byteLength + MDAT_HEADER_BYTES;
  private movieHeader: Box | null = null;
  private readonly tracks = new Map<number, Track>();
  private runs: PendingRun[] = [];

  constructor(readonly target: string) {
    this.fd = fs.openSync(target, 'w');
    // A 64-bit size, written when finishing: an hour of 4K does not fit in 32 bits.
    const mdatHeader = new Uint8Array(MDAT_HEADER_BYTES);
    mdatHeader.set(u32(1));
    mdatHeader.set(fourcc('mdat'), 4);
    this.write(FTYP, 0);
    this.write(mdatHeader, FTYP.byteLength);
  }

  /** The next bytes of the fragmented file. */
  push(bytes: Uint8Array): void {
    let buffer = bytes;
    if (this.pending.byteLength > 0) {
      buffer = new Uint8Array(this.pending.byteLength + bytes.byteLength);
      buffer.set(this.pending);
      buffer.set(bytes, this.pending.byteLength);
    }
    let at = 0;
    for (;;) {
      const header = readBoxHeader(buffer, at);
      if (!header) break;
      if (header.size > MAX_BOX_BYTES) throw new Mp4LayoutError(`a ${header.type} box of ${header.size} bytes`);
      if (buffer.byteLength - at < header.size) break;
      this.take({ type: header.type, bytes: buffer.subarray(at, at + header.size), headerSize: header.headerSize });
      this.inputPos += header.size;
      at += header.size;
    }
    this.pending = buffer.slice(at);
  }

  /** The video's end, in seconds of the file's own time (0 without video). */
  get videoEndS(): number {
    return Math.max(0, ...[...this.tracks.values()].filter((t) => t.isVideo).map((t) => endOf(t) / t.timescale));
  }

  /** The latest end of any track, in seconds. */
  get endS(): number {
    return Math.max(0, ...[...this.tracks.values()].map((t) => endOf(t) / t.timescale));
  }

  /**
   * Writes the index and closes the file, flushed to disk. Bytes of a fragment that never completed (the recorder
   * stopped mid-write) are left out, as recovery leaves out a torn chunk.
   */
  finish(options: FlatFinish = {}): void {
    const fd = this.requireOpen();
    const movieHeader = this.movieHeader;
    const tracks = [...this.tracks.values()].filter((track) => track.table.sampleCount > 0);
    if (!movieHeader || tracks.length === 0) throw new Mp4LayoutError('no samples');
    const { holdVideoUntilS } = options;
    if (holdVideoUntilS !== undefined)
      for (const track of tracks)
        if (track.isVideo) track.table.holdLastSampleUntil(Math.round(holdVideoUntilS * track.timescale));
    const movieScale = timescaleOf(movieHeader);
    const inMovie = (track: Track) => (endOf(track) / track.timescale) * movieScale;
    const traks = tracks.map((track) => trakOf(track, inMovie(track), this.outputPos > 0xffffffff));
    const moov = box('moov', withDuration(movieHeader, Math.max(...tracks.map(inMovie))), ...traks);
    const mdatSize = new Uint8Array(8);
    viewOf(mdatSize).setBigUint64(0, BigInt(this.outputPos - FTYP.byteLength));
    this.write(mdatSize, FTYP.byteLength + 8);
    this.write(moov, this.outputPos);
    fs.fdatasyncSync(fd);
    fs.closeSync(fd);
    this.fd = null;
  }

  /** Stops and removes the file (the recording is finished another way, or discarded). */
  abort(): void {
    if (this.fd !== null) fs.closeSync(this.fd);
    this.fd = null;
    fs.rmSync(this.target, { force: true });
  }

  private take(top: Box): void {
    // Kept to the end, so copied: the bytes pushed belong to the caller, who may reuse them (recovery's read buffer).
    if (top.type === 'moov') this.readInit({ ...top, bytes: top.bytes.slice() });
    else if (top.type === 'moof') this.readFragment(top);
    else if (top.type === 'mdat') this.copyMedia(top);
    else if (this.inputPos === 0 && top.type !== 'ftyp') throw new Mp4LayoutError(`it starts with ${top.type}`);
  }

  private readInit(moov: Box): void {
    if (this.movieHeader) throw new Mp4LayoutError('a second moov');
    this.movieHeader = requireChild(moov, 'mvhd');
    const mvex = requireChild(moov, 'mvex');
    const defaults = new Map(
      childBoxes(contentOf(mvex))
        .filter((child) => child.type === 'trex')
        .map((trex) => {
          const view = viewOf(contentOf(trex));
          const trackDefaults = { duration: view.getUint32(12), size: view.getUint32(16), flags: view.getUint32(20) };
          return [view.getUint32(4), trackDefaults] as const;
        }),
    );
    for (const trak of childBoxes(contentOf(moov)).filter((child) => child.type === 'trak')) {
      if (childOf(trak, 'edts')) throw new Mp4LayoutError('an edit list');
      const tkhd = requireChild(trak, 'tkhd');
      const tkhdContent = contentOf(tkhd);
      const id = viewOf(tkhdContent).getUint32(tkhdContent[0] === 1 ? 20 : 12);
      const mdia = requireChild(trak, 'mdia');
      const handler = String.fromCharCode(...contentOf(requireChild(mdia, 'hdlr')).subarray(8, 12));
      if (handler !== 'vide' && handler !== 'soun') continue;
      this.tracks.set(id, {
        id,
        timescale: timescaleOf(requireChild(mdia, 'mdhd')),
        isVideo: handler === 'vide',
        trak,
        defaults: defaults.get(id) ?? { duration: 0, size: 0, flags: 0 },
        table: new SampleTable(),
      });
    }
  }

  private readFragment(moof: Box): void {
    if (this.runs.length > 0) throw new Mp4LayoutError('a fragment without its media');
    for (const run of fragmentRuns(moof, this.inputPos, (id) => this.tracks.get(id)?.defaults)) {
      const track = this.tracks.get(run.trackId);
      if (track) this.runs.push({ track, offset: run.offset, samples: run.samples, decodeTime: run.decodeTime });
    }
  }

  private copyMedia(mdat: Box): void {
    if (this.runs.length === 0) return;
    const payloadStart = this.inputPos + mdat.headerSize;
    const payloadEnd = this.inputPos + mdat.bytes.byteLength;
    for (const run of this.runs) {
      const bytes = run.samples.reduce((sum, sample) => sum + sample.size, 0);
      if (run.offset < payloadStart || run.offset + bytes > payloadEnd)
        throw new Mp4LayoutError('samples outside the media that follows their fragment');
    }
    const outputStart = this.outputPos;
    this.write(contentOf(mdat), outputStart);
    this.outputPos += mdat.bytes.byteLength - mdat.headerSize;
    for (const run of this.runs) {
      if (run.decodeTime !== null && !run.track.table.startRunAt(run.decodeTime))
        throw new Mp4LayoutError('a track that does not start at zero, or fragments that overlap');
      run.track.table.addRun(outputStart + run.offset - payloadStart, run.samples);
    }
    this.runs = [];
  }

  private write(bytes: Uint8Array, position: number): void {
    const fd = this.requireOpen();
    for (let done = 0; done < bytes.byteLength;)
      done += fs.writeSync(fd, bytes, done, bytes.byteLength - done, position + done);
  }

  private requireOpen(): number {
    if (this.fd === null) throw new Error('This file is already finished');
    return this.fd;
  }
}
