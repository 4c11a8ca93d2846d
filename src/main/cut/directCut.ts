import type { EncodedPiece } from '@shared/contract/cuts';
import { parseAvcConfig, type AvcConfig } from '@shared/render/avcConfig';
import { lessonTimeOfPacket } from '@shared/render/packetCopy';
import { planSplice } from '@shared/render/smartCutSplice';
import { requireChild } from '../recording/mp4Boxes';
import type { AudioCopy, FileCut, VideoCopy } from './fileCut';
import { withAvcConfig, type OutputSample, type OutputTrack } from './mp4Copy';
import { readSourceSamples, type SourceSamples } from './sourceSamples';
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
    const video = videoTrack(cut, copy, source, pieces);
    if (!video) return null;
    tracks.push(video);
  }
  if (output.audio) {
    const { cut, copy } = output.audio;
    const source = await matchingSource(cut.source.file, copy.track.id, copy.sizes);
    if (!source) return null;
    tracks.push(audioTrack(cut.source.file, copy, source));
  }
  return tracks;
}

async function matchingSource(file: string, trackId: number, sizes: Uint32Array): Promise<SourceSamples | null> {
  const source = await readSourceSamples(file, trackId);
  if (source?.sizes.length !== sizes.length) return null;
  for (let i = 0; i < sizes.length; i++) if (source.sizes[i] !== sizes[i]) return null;
  return source;
}

function videoTrack(
  cut: FileCut,
  copy: VideoCopy,
  source: SourceSamples,
  pieces: readonly EncodedPiece[],
): OutputTrack | null {
  const firstDescription = pieces[0]?.packets[0]?.description;
  const made = firstDescription ? parseAvcConfig(firstDescription) : null;
  if (pieces.length > 0 && !made) throw new Error('The encoder gave no H.264 configuration for a cut');
  const splice = planSplice(copy.codec, copy.description, made);
  if (splice.codec.startsWith('avc3')) return null;
  const samples: OutputSample[] = [];
  let nextPiece = 0;
  let config: AvcConfig | null = made;
  for (const span of copy.decision.cuts) {
    if (span.reencode) {
      const piece = pieces[nextPiece];
      nextPiece += 1;
      if (!piece || piece.packets.length !== span.reencode.end - span.reencode.start)
        throw new Error('A re-encoded part before a cut has the wrong number of frames');
      if (piece.packets[0]?.key !== true) throw new Error('A re-encoded part does not start on a keyframe');
      for (const packet of piece.packets) {
        // The encoder gives its configuration with its first packet, and again only when it changes.
        if (packet.description) config = parseAvcConfig(packet.description);
        if (!config) throw new Error('The encoder gave no H.264 configuration for a cut');
        const bytes = splice.reencoded(packet.data, packet.key, config);
        const { timestamp, duration, key } = packet;
        samples.push({ timestamp, duration, key, size: bytes.byteLength, offset: -1, bytes });
      }
    }
    if (!span.copy) continue;
    for (let at = span.copy.start; at < span.copy.end; at++) {
      const packet = copy.packets[at];
      const timestamp = packet ? lessonTimeOfPacket(cut.spans, cut.source.offsetMs, packet.timestamp) : null;
      if (!packet || timestamp === null) continue;
      const size = source.sizes[at] ?? 0;
      const duration = nextGap(copy, at);
      samples.push({ timestamp, duration, key: packet.key, size, offset: source.offsets[at] ?? 0, bytes: null });
    }
  }
  const stsd = stsdOf(source);
  return { file: cut.source.file, source, stsd: withAvcConfig(stsd, splice.description), samples };
}

/** Until the next frame, or one frame at the output rate for the last. */
function nextGap(copy: VideoCopy, index: number): number {
  const next = copy.packets[index + 1]?.timestamp;
  const here = copy.packets[index]?.timestamp ?? 0;
  return next !== undefined && next > here ? next - here : 1 / copy.frameRate;
}

function audioTrack(file: string, copy: AudioCopy, source: SourceSamples): OutputTrack {
  const samples: OutputSample[] = [];
  for (const piece of copy.pieces) {
    const from = copy.packets[piece.start];
    if (!from) continue;
    for (let at = piece.start; at < piece.end; at++) {
      const packet = copy.packets[at];
      if (!packet) continue;
      samples.push({
        timestamp: piece.lessonTime + packet.timestamp - from.timestamp,
        duration: packet.duration,
        key: true,
        size: source.sizes[at] ?? 0,
        offset: source.offsets[at] ?? 0,
        bytes: null,
      });
    }
  }
  const stsd = stsdOf(source);
  return { file, source, stsd: stsd.bytes, samples };
}

const stsdOf = (source: SourceSamples) =>
  requireChild(requireChild(requireChild(requireChild(source.trak, 'mdia'), 'minf'), 'stbl'), 'stsd');
