import fs from 'node:fs/promises';
import { planLayout } from './copyLayout';
import type { OutputTrack } from './outputTrack';
import { Reader, Writer, writeAll } from './rangeIo';

export interface CopyOptions {
  readonly signal: AbortSignal;
  /** Output seconds written so far. */
  readonly onProgress: (seconds: number) => void;
}

/** Writes: gathered views of the read windows, written together once this many bytes are waiting. */
const WRITE_BYTES = 16 * 1024 * 1024;

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
