import { sampleTableBoxes } from '../recording/flatMoov';
import { box, childBoxes, contentOf, fullBox, requireChild, u32, withDuration, type Box } from '../recording/mp4Boxes';
import { SampleTable } from '../recording/sampleTable';
import type { OutputTrack } from './outputTrack';

const MOVIE_TIMESCALE = 1000;

export function copiedMoov(tracks: readonly OutputTrack[], tables: readonly SampleTable[], wide: boolean): Uint8Array {
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
