import { EncodedPacketSink, EncodedVideoPacketSource, type InputVideoTrack } from 'mediabunny';
import type { RenderPlan, VideoPlan } from '../../../../../shared/render/renderPlan';
import { decidePacketCopy, lessonTimeOfPacket, type CopyDecision, type PacketInfo } from '../../../../../shared/render/packetCopy';

/** Reads only the packet index (no frame data) to decide whether the kept ranges can be copied as they are. */
export async function decideCopy(plan: RenderPlan, video: VideoPlan, track: InputVideoTrack): Promise<CopyDecision> {
  const sink = new EncodedPacketSink(track);
  const packets: PacketInfo[] = [];
  for await (const packet of sink.packets(undefined, undefined, { metadataOnly: true })) packets.push({ timestamp: packet.timestamp, key: packet.type === 'key' });
  return decidePacketCopy(plan.spans, video.screen.offsetMs, packets);
}

/** Copies the kept packets, retimed to lesson time, in decode order. */
export async function copyVideo(plan: RenderPlan, video: VideoPlan, track: InputVideoTrack, source: EncodedVideoPacketSource, onPacket: (lessonMs: number) => void): Promise<void> {
  const decoderConfig = await track.getDecoderConfig();
  if (!decoderConfig) throw new Error('The screen recording does not say how to decode it');
  const sink = new EncodedPacketSink(track);
  let first = true;
  for await (const packet of sink.packets()) {
    const lessonTime = lessonTimeOfPacket(plan.spans, video.screen.offsetMs, packet.timestamp);
    if (lessonTime === null) continue;
    await source.add(packet.clone({ timestamp: lessonTime }), first ? { decoderConfig } : undefined);
    first = false;
    onPacket(lessonTime * 1000);
  }
}
