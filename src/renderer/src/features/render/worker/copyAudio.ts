import { EncodedPacketSink, type EncodedAudioPacketSource, type InputAudioTrack } from 'mediabunny';
import type { AudioPlan, RenderPlan } from '@shared/render/renderPlan';
import { COPYABLE_AUDIO_CODECS, planAudioCopy, type AudioPiece, type TimedPacket } from '@shared/render/audioCopy';
import { packetsInRange } from './packetRange';

export interface AudioCopy {
  readonly packets: readonly TimedPacket[];
  readonly pieces: readonly AudioPiece[];
  readonly packetCount: number;
}

/**
 * Whether the sound can be copied with the video (AAC or Opus), and which packets: read from the packet index
 * alone. Decoding and encoding the sound again cost more than copying all the video did.
 */
export async function decideAudioCopy(
  plan: RenderPlan,
  audio: AudioPlan,
  track: InputAudioTrack,
): Promise<AudioCopy | null> {
  const codec = await track.getCodec();
  if (!codec || !COPYABLE_AUDIO_CODECS.includes(codec)) return null;
  const sink = new EncodedPacketSink(track);
  const packets: TimedPacket[] = [];
  for await (const packet of sink.packets(undefined, undefined, { metadataOnly: true }))
    packets.push({ timestamp: packet.timestamp, duration: packet.duration });
  const pieces = planAudioCopy(plan.spans, audio.file.offsetMs, packets);
  return { packets, pieces, packetCount: pieces.reduce((sum, piece) => sum + piece.end - piece.start, 0) };
}

/** Copies the planned sound packets, each retimed to where it belongs in the lesson. */
export async function copyAudio(
  track: InputAudioTrack,
  copy: AudioCopy,
  source: EncodedAudioPacketSource,
  onPacket: (lessonMs: number) => void,
): Promise<void> {
  const decoderConfig = await track.getDecoderConfig();
  if (!decoderConfig) throw new Error('The sound does not say how to decode it');
  const sink = new EncodedPacketSink(track);
  let first = true;
  for (const piece of copy.pieces) {
    const from = copy.packets[piece.start];
    if (!from) continue;
    for await (const { packet } of packetsInRange(sink, copy.packets, piece.start, piece.end, 'sound')) {
      const timestamp = piece.lessonTime + packet.timestamp - from.timestamp;
      await source.add(packet.clone({ timestamp }), first ? { decoderConfig } : undefined);
      first = false;
      onPacket((timestamp + packet.duration) * 1000);
    }
  }
}
