import {
  EncodedPacket,
  EncodedPacketSink,
  type EncodedVideoPacketSource,
  VideoSampleSink,
  type InputVideoTrack,
} from 'mediabunny';
import type { RenderPlan, VideoPlan } from '@shared/render/renderPlan';
import {
  avcCodecString,
  parseAvcConfig,
  relengthed,
  sameParameterSets,
  withParameterSets,
  type AvcConfig,
} from '@shared/render/avcConfig';
import { RenumberError, renumberForSharing, type Renumbering } from '@shared/render/avcRenumber';
import {
  lessonTimeOfPacket,
  planPacketCopy,
  type CopyDecision,
  type PacketInfo,
  type PacketRange,
} from '@shared/render/packetCopy';
import { bytesOf, createCutEncoder, type CutPacket } from './cutEncoder';
import { packetsInRange } from './packetRange';

export type CopyPlan = Extract<CopyDecision, { copy: true }> & {
  readonly packets: readonly PacketInfo[];
  readonly bitrate: number;
};

/** Reads only the packet index (no frame data) to decide how the kept ranges are copied. */
export async function decideCopy(
  plan: RenderPlan,
  video: VideoPlan,
  track: InputVideoTrack,
): Promise<CopyPlan | { copy: false; reason: string }> {
  const sink = new EncodedPacketSink(track);
  const packets: PacketInfo[] = [];
  let bytes = 0;
  for await (const packet of sink.packets(undefined, undefined, { metadataOnly: true })) {
    packets.push({ timestamp: packet.timestamp, key: packet.type === 'key' });
    bytes += packet.byteLength;
  }
  const decision = planPacketCopy(plan.spans, video.screen.offsetMs, packets);
  if (!decision.copy) return decision;
  const seconds = (packets.at(-1)?.timestamp ?? 0) - (packets[0]?.timestamp ?? 0);
  // Pieces at cuts start on a keyframe and are short, so they get at least the recording's own rate.
  const bitrate = Math.max(video.bitrate, seconds > 0 ? Math.round((bytes * 8) / seconds) : 0);
  return { ...decision, packets, bitrate };
}

/**
 * Copies the kept packets, retimed to lesson time, in decode order; the frames before each span's first keyframe are
 * re-encoded. When the encoder's parameter sets differ from the recording's, both sets share the avc1 sample entry
 * under distinct ids (see `parameterRoute`), so the decoder switches at each IDR.
 */
export async function copyVideo(
  plan: RenderPlan,
  video: VideoPlan,
  track: InputVideoTrack,
  copy: CopyPlan,
  source: EncodedVideoPacketSource,
  onPacket: (lessonMs: number) => void,
): Promise<void> {
  const decoderConfig = await track.getDecoderConfig();
  if (!decoderConfig) throw new Error('The screen recording does not say how to decode it');
  const sink = new EncodedPacketSink(track);
  let first = true;
  const add = async (packet: EncodedPacket, config: EncodedVideoChunkMetadata['decoderConfig']) => {
    await source.add(packet, first ? { decoderConfig: config } : undefined);
    first = false;
    onPacket(packet.timestamp * 1000);
  };
  const lessonTime = (index: number) =>
    lessonTimeOfPacket(plan.spans, video.screen.offsetMs, copy.packets[index]?.timestamp ?? NaN);

  if (copy.reencodedCount === 0) {
    for (const cut of copy.cuts)
      if (cut.copy)
        for await (const packet of copied(sink, copy, cut.copy, lessonTime)) await add(packet, decoderConfig);
    return;
  }

  if (!decoderConfig.description) throw new Error('The screen recording carries no H.264 configuration to cut it by');
  const recorded = parseAvcConfig(bytesOf(decoderConfig.description));
  const encoder = await createCutEncoder(
    { width: video.width, height: video.height, bitrate: copy.bitrate, frameRate: video.frameRate },
    decoderConfig.codec,
  );
  try {
    const frames = new VideoSampleSink(track);
    const encodePiece = (range: PacketRange) => {
      const indices = Array.from({ length: range.end - range.start }, (_, offset) => range.start + offset);
      const timestamps = indices.map((index) => copy.packets[index]?.timestamp ?? NaN);
      const planned = indices.map((index) => ({
        timestamp: lessonTime(index) ?? NaN,
        duration: frameDuration(copy.packets, index, video.frameRate),
      }));
      return encoder.encode(frames.samplesAtTimestamps(timestamps), planned);
    };
    const pieces = copy.cuts.flatMap((cut) => (cut.reencode ? [cut.reencode] : []));
    let pending: CutPacket[] | null = pieces[0] ? await encodePiece(pieces[0]) : null;
    const made = pending?.[0]?.config ?? recorded;
    const route = parameterRoute(bytesOf(decoderConfig.description), recorded, made);
    const inBand = route.kind === 'in-band';
    const trackConfig =
      route.kind === 'renumbered'
        ? { ...decoderConfig, description: route.renumbering.description }
        : inBand
          ? { ...decoderConfig, codec: avcCodecString('avc3', recorded, made) }
          : decoderConfig;

    for (const cut of copy.cuts) {
      if (cut.reencode) {
        const piece = pending ?? (await encodePiece(cut.reencode));
        pending = null;
        for (const { packet, config } of piece) {
          if (!inBand && !sameParameterSets(made, config))
            throw new Error('The encoder changed its H.264 parameters partway through the render');
          const data =
            route.kind === 'renumbered'
              ? route.renumbering.rewriteSample(packet.data, config.lengthSize, recorded.lengthSize)
              : packet.type === 'key' && inBand
                ? withParameterSets(packet.data, config.lengthSize, config, recorded.lengthSize)
                : relengthed(packet.data, config.lengthSize, recorded.lengthSize);
          await add(new EncodedPacket(data, packet.type, packet.timestamp, packet.duration), trackConfig);
        }
      }
      if (!cut.copy) continue;
      for await (const packet of copied(sink, copy, cut.copy, lessonTime)) {
        const data =
          packet.type === 'key' && inBand
            ? withParameterSets(packet.data, recorded.lengthSize, recorded, recorded.lengthSize)
            : packet.data;
        await add(new EncodedPacket(data, packet.type, packet.timestamp, packet.duration), trackConfig);
      }
    }
  } finally {
    encoder.close();
  }
}

type ParameterRoute =
  | { readonly kind: 'same' }
  | { readonly kind: 'renumbered'; readonly renumbering: Renumbering }
  | { readonly kind: 'in-band' };

/**
 * How the re-encoded pieces' parameter sets reach the decoder: not at all when they equal the recording's; else
 * under fresh ids in the one avc1 sample entry (CAVLC pieces, which is what Chromium's encoder makes at the
 * recording's Baseline profile); else, for CABAC pieces, in band on every keyframe of an avc3 track.
 */
function parameterRoute(description: Uint8Array, recorded: AvcConfig, made: AvcConfig): ParameterRoute {
  if (sameParameterSets(recorded, made)) return { kind: 'same' };
  try {
    return { kind: 'renumbered', renumbering: renumberForSharing(description, recorded, made) };
  } catch (error) {
    if (error instanceof RenumberError) return { kind: 'in-band' };
    throw error;
  }
}

/** The recorded packets of a range, retimed to lesson time. */
async function* copied(
  sink: EncodedPacketSink,
  copy: CopyPlan,
  range: PacketRange,
  lessonTime: (index: number) => number | null,
): AsyncGenerator<EncodedPacket> {
  for await (const { packet, at } of packetsInRange(sink, copy.packets, range.start, range.end, 'screen recording')) {
    const timestamp = lessonTime(at);
    if (timestamp !== null) yield packet.clone({ timestamp });
  }
}

/** How long a frame shows: until the next one, or one frame at the output rate for the last. */
function frameDuration(packets: readonly PacketInfo[], index: number, frameRate: number): number {
  const next = packets[index + 1]?.timestamp;
  const here = packets[index]?.timestamp ?? 0;
  return next !== undefined ? next - here : 1 / frameRate;
}
