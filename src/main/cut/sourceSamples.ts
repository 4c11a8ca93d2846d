import fs from 'node:fs/promises';
import {
  childBoxes,
  contentOf,
  readBoxHeader,
  requireChild,
  timescaleOf,
  viewOf,
  type Box,
} from '../recording/mp4Boxes';

/** Where one track's samples are in a plain MP4, in decode order, with the boxes that describe the track. */
export interface SourceSamples {
  readonly trak: Box;
  readonly timescale: number;
  readonly offsets: Float64Array;
  readonly sizes: Uint32Array;
}

/** A `moov` this large is no recording's; refusing it keeps a stray file from filling memory. */
const MAX_MOOV_BYTES = 256 * 1024 * 1024;

/**
 * The file offsets and sizes of track `trackId`'s samples, read from the file's `moov` (stsz, stsc, stco/co64;
 * ISO/IEC 14496-12 §8.7), or null when the file is not a plain MP4 holding that track with a full sample table (a
 * fragmented MP4, WebM): those are copied packet by packet through the muxer instead.
 */
export async function readSourceSamples(file: string, trackId: number): Promise<SourceSamples | null> {
  const moov = await readMoov(file);
  if (!moov) return null;
  try {
    const trak = childBoxes(contentOf(moov)).find((child) => child.type === 'trak' && trackIdOf(child) === trackId);
    if (!trak) return null;
    const mdia = requireChild(trak, 'mdia');
    const stbl = requireChild(requireChild(mdia, 'minf'), 'stbl');
    const children = childBoxes(contentOf(stbl));
    const find = (type: string) => children.find((child) => child.type === type);
    const stsz = find('stsz');
    const stsc = find('stsc');
    const chunkOffsets = find('stco') ?? find('co64');
    if (!stsz || !stsc || !chunkOffsets) return null;
    const sizes = sampleSizes(stsz);
    const offsets = sampleOffsets(stsc, chunkOffsets, sizes);
    return offsets ? { trak, timescale: timescaleOf(requireChild(mdia, 'mdhd')), offsets, sizes } : null;
  } catch {
    return null;
  }
}

async function readMoov(file: string): Promise<Box | null> {
  const handle = await fs.open(file, 'r');
  try {
    const { size } = await handle.stat();
    const header = new Uint8Array(16);
    for (let at = 0; at + 8 <= size;) {
      const { bytesRead } = await handle.read(header, 0, 16, at);
      const box = readBoxHeader(header, 0, bytesRead);
      if (!box || box.size < box.headerSize || at + box.size > size) return null;
      if (box.type === 'moof') return null;
      if (box.type === 'moov') {
        if (box.size > MAX_MOOV_BYTES) return null;
        const bytes = new Uint8Array(box.size);
        await handle.read(bytes, 0, box.size, at);
        return { type: 'moov', bytes, headerSize: box.headerSize };
      }
      at += box.size;
    }
    return null;
  } catch {
    return null;
  } finally {
    await handle.close();
  }
}

function trackIdOf(trak: Box): number {
  const tkhd = contentOf(requireChild(trak, 'tkhd'));
  return viewOf(tkhd).getUint32(tkhd[0] === 1 ? 20 : 12);
}

function sampleSizes(stsz: Box): Uint32Array {
  const view = viewOf(contentOf(stsz));
  const fixed = view.getUint32(4);
  const count = view.getUint32(8);
  const sizes = new Uint32Array(count);
  for (let i = 0; i < count; i++) sizes[i] = fixed || view.getUint32(12 + i * 4);
  return sizes;
}

/** Each sample's offset: chunks hold runs of samples back to back, `stsc` saying how many from which chunk on. */
function sampleOffsets(stsc: Box, chunkOffsetBox: Box, sizes: Uint32Array): Float64Array | null {
  const table = viewOf(contentOf(stsc));
  const entries = table.getUint32(4);
  const chunks = viewOf(contentOf(chunkOffsetBox));
  const chunkCount = chunks.getUint32(4);
  const wide = chunkOffsetBox.type === 'co64';
  const chunkOffset = (chunk: number) =>
    wide ? Number(chunks.getBigUint64(8 + chunk * 8)) : chunks.getUint32(8 + chunk * 4);
  const offsets = new Float64Array(sizes.length);
  let sample = 0;
  for (let entry = 0; entry < entries; entry++) {
    const firstChunk = table.getUint32(8 + entry * 12) - 1;
    const perChunk = table.getUint32(12 + entry * 12);
    const endChunk = entry + 1 < entries ? table.getUint32(8 + (entry + 1) * 12) - 1 : chunkCount;
    for (let chunk = firstChunk; chunk < endChunk && sample < sizes.length; chunk++) {
      let at = chunkOffset(chunk);
      for (let i = 0; i < perChunk && sample < sizes.length; i++) {
        offsets[sample] = at;
        at += sizes[sample] ?? 0;
        sample += 1;
      }
    }
  }
  return sample === sizes.length ? offsets : null;
}
