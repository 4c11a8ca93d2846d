import { box, childBoxes, contentOf, fullBox, requireChild, u32, u32s, u64s, withDuration, type Box } from './mp4Boxes';
import type { SampleTable } from './sampleTable';
import type { TrackDefaults } from './mp4Fragments';

/** One track of a recording being made plain: what its fragmented file's `moov` said, and its samples so far. */
export interface Track {
  readonly id: number;
  readonly timescale: number;
  readonly isVideo: boolean;
  readonly trak: Box;
  readonly defaults: TrackDefaults;
  readonly table: SampleTable;
}

/** Where a track ends in its timescale: its last sample's end, or later if a hold stretched it. */
export function endOf(track: Track): number {
  return Math.max(track.table.presentationEnd, track.table.nextDecodeTime);
}

/** The track's `trak` box for a plain MP4: its own headers with durations, its sample description, full tables. */
export function trakOf(track: Track, movieDuration: number, wide: boolean): Uint8Array {
  const mdia = requireChild(track.trak, 'mdia');
  const minf = requireChild(mdia, 'minf');
  const stbl = requireChild(minf, 'stbl');
  const mediaHeader = childBoxes(contentOf(minf)).filter((child) => child.type.endsWith('hd'));
  return box(
    'trak',
    withDuration(requireChild(track.trak, 'tkhd'), movieDuration),
    box(
      'mdia',
      withDuration(requireChild(mdia, 'mdhd'), endOf(track)),
      requireChild(mdia, 'hdlr').bytes,
      box(
        'minf',
        ...mediaHeader.map((header) => header.bytes),
        requireChild(minf, 'dinf').bytes,
        box('stbl', requireChild(stbl, 'stsd').bytes, ...sampleTableBoxes(track.table, wide)),
      ),
    ),
  );
}

/** A sample table's boxes (stts, ctts, stss, stsz, stsc, stco or co64) for a plain MP4's `stbl`. */
export function sampleTableBoxes(table: SampleTable, wide: boolean): Uint8Array[] {
  const boxes = [fullBox('stts', 0, 0, ...runLengths(table.durations.view()))];
  if (table.hasCompositionOffsets) {
    const offsets = table.compositionOffsets.view();
    boxes.push(fullBox('ctts', offsets.some((offset) => offset < 0) ? 1 : 0, 0, ...runLengths(offsets)));
  }
  if (table.syncSamples.length < table.sampleCount) {
    const sync = table.syncSamples.view();
    boxes.push(fullBox('stss', 0, 0, u32(sync.length), u32s(sync)));
  }
  const sizes = table.sizes.view();
  boxes.push(fullBox('stsz', 0, 0, u32(0), u32(sizes.length), u32s(sizes)));
  const counts = table.chunkSampleCounts.view();
  const stsc: number[] = [];
  counts.forEach((count, i) => {
    if (i === 0 || count !== counts[i - 1]) stsc.push(i + 1, count, 1);
  });
  boxes.push(fullBox('stsc', 0, 0, u32(stsc.length / 3), u32s(stsc)));
  const offsets = table.chunkOffsets.view();
  boxes.push(
    wide
      ? fullBox('co64', 0, 0, u32(offsets.length), u64s(offsets))
      : fullBox('stco', 0, 0, u32(offsets.length), u32s(offsets)),
  );
  return boxes;
}

/** `count value` pairs for runs of equal values (stts, ctts), led by the number of pairs. */
function runLengths(values: ArrayLike<number>): Uint8Array[] {
  const pairs: number[] = [];
  for (let i = 0; i < values.length; i++) {
    const value = values[i] ?? 0;
    if (pairs.length > 0 && pairs[pairs.length - 1] === value) pairs[pairs.length - 2] = (pairs.at(-2) ?? 0) + 1;
    else pairs.push(1, value);
  }
  return [u32(pairs.length / 2), u32s(pairs)];
}

export function fourcc(value: string | number): Uint8Array {
  if (typeof value === 'number') return u32(value);
  return Uint8Array.from(Buffer.from(value, 'latin1'));
}
