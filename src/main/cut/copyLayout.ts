import { fourcc } from '../recording/flatMoov';
import { box } from '../recording/mp4Boxes';
import { SampleTable } from '../recording/sampleTable';
import { copiedMoov } from './copiedMoov';
import type { OutputTrack } from './outputTrack';

/** A chunk of samples stored together: half a second of one track, as muxers interleave them. */
const CHUNK_SECONDS = 0.5;
const MDAT_HEADER_BYTES = 16;

/** Samples [from, to) of track `track` (an index into the tracks), stored together; `start` is the first one's time. */
interface Chunk {
  readonly track: number;
  readonly start: number;
  readonly from: number;
  readonly to: number;
}

/** The head of the file (ftyp, moov, mdat's header) and the order its chunks follow, with the file's planned end. */
export function planLayout(tracks: readonly OutputTrack[]): { head: Uint8Array; chunks: Chunk[]; end: number } {
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
  const moovSize = copiedMoov(tracks, tables, wide).byteLength;
  const dataStart = ftyp.byteLength + moovSize + MDAT_HEADER_BYTES;
  for (const table of tables) {
    const offsets = table.chunkOffsets.view();
    for (let i = 0; i < offsets.length; i++) offsets[i] = (offsets[i] ?? 0) + dataStart;
  }
  const moov = copiedMoov(tracks, tables, wide);
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
