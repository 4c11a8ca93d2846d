import type { EncodedPiece } from '@shared/contract/cuts';
import { requireChild } from '../recording/mp4Boxes';
import type { FileCut, VideoCopy } from './fileCut';
import type { OutputSample, OutputTrack } from './outputTrack';
import { withAvcConfig } from './copiedMoov';
import { readSourceSamples, type SourceSamples } from './sourceSamples';
import { placesIn, spliceOf, splicedAudio, splicedVideo, type SplicedSample } from './splicedSamples';
import type { CutOutput } from './writeCut';

/**
 * The output's tracks as samples copied by file offset (and the re-encoded pieces' bytes), or null when a source is
 * not a plain MP4 whose sample table matches the packets planned from (then the muxer copies packet by packet), or
 * when the pieces need parameter sets in band (`avc3`), which changes the bytes of every copied keyframe.
 */
export async function directTracks(
  output: CutOutput,
  pieces: readonly EncodedPiece[],
): Promise<readonly OutputTrack[] | null> {
  const tracks: OutputTrack[] = [];
  if (output.video) {
    const { cut, copy } = output.video;
    const source = await matchingSource(cut.source.file, copy.track.id, copy.sizes);
    if (!source) return null;
    const video = await videoTrack(cut, copy, source, pieces);
    if (!video) return null;
    tracks.push(video);
  }
  if (output.audio) {
    const { cut, copy } = output.audio;
    const source = await matchingSource(cut.source.file, copy.track.id, copy.sizes);
    if (!source) return null;
    const samples = await outputSamples(splicedAudio(copy, placesIn), source);
    tracks.push({ file: cut.source.file, source, stsd: stsdOf(source).bytes, samples });
  }
  return tracks;
}

async function matchingSource(file: string, trackId: number, sizes: Uint32Array): Promise<SourceSamples | null> {
  const source = await readSourceSamples(file, trackId);
  if (source?.sizes.length !== sizes.length) return null;
  for (let i = 0; i < sizes.length; i++) if (source.sizes[i] !== sizes[i]) return null;
  return source;
}

async function videoTrack(
  cut: FileCut,
  copy: VideoCopy,
  source: SourceSamples,
  pieces: readonly EncodedPiece[],
): Promise<OutputTrack | null> {
  const splice = spliceOf(copy, pieces);
  if (splice.codec.startsWith('avc3')) return null;
  const samples = await outputSamples(splicedVideo(cut, copy, pieces, splice, placesIn), source);
  return { file: cut.source.file, source, stsd: withAvcConfig(stsdOf(source), splice.description), samples };
}

/** Copied samples by where the source's sample table puts them; re-encoded ones carry their bytes. */
async function outputSamples(spliced: AsyncIterable<SplicedSample<unknown>>, source: SourceSamples) {
  const samples: OutputSample[] = [];
  for await (const sample of spliced) {
    const { timestamp, duration, key } = sample;
    if (sample.kind === 'reencoded') {
      samples.push({ timestamp, duration, key, size: sample.bytes.byteLength, offset: -1, bytes: sample.bytes });
    } else {
      const size = source.sizes[sample.at] ?? 0;
      samples.push({ timestamp, duration, key, size, offset: source.offsets[sample.at] ?? 0, bytes: null });
    }
  }
  return samples;
}

const stsdOf = (source: SourceSamples) =>
  requireChild(requireChild(requireChild(requireChild(source.trak, 'mdia'), 'minf'), 'stbl'), 'stsd');
