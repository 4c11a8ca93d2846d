import type { KeptSpan } from '../timeline/mapping';
import { formatTimecode } from '../timeline/timecode';

/** What the fast path needs to know of a source video packet: its presentation time (s, file time) and whether it is a keyframe. */
export interface PacketInfo {
  readonly timestamp: number;
  readonly key: boolean;
}

export type CopyDecision = { readonly copy: true; readonly packetCount: number } | { readonly copy: false; readonly reason: string };

/** A packet this close before a kept range's start (a rounding of the edit list's whole milliseconds) still starts it. */
const EPSILON_S = 0.0005;

/**
 * Whether the kept video can be copied packet for packet: every kept range must begin on a keyframe (a packet
 * that begins mid-GOP would need the frames before it), and frames must be stored in display order (with B-frames,
 * a frame kept before a cut could depend on one cut away).
 */
export function decidePacketCopy(spans: readonly KeptSpan[], offsetMs: number, packets: readonly PacketInfo[]): CopyDecision {
  for (let index = 1; index < packets.length; index += 1) {
    if ((packets[index]?.timestamp ?? 0) <= (packets[index - 1]?.timestamp ?? 0)) return { copy: false, reason: 'the recording reorders frames (B-frames)' };
  }
  let packetCount = 0;
  for (const span of spans) {
    const start = (span.sourceStart - offsetMs) / 1000 - EPSILON_S;
    const end = (span.sourceEnd - offsetMs) / 1000 - EPSILON_S;
    const inside = packets.filter((packet) => packet.timestamp >= start && packet.timestamp < end);
    const first = inside[0];
    if (first && !first.key) return { copy: false, reason: `the part from ${formatTimecode(span.sourceStart)} does not start on a keyframe` };
    packetCount += inside.length;
  }
  return { copy: true, packetCount };
}

/** The lesson time (s) a copied packet lands at, or null when its frame was cut. */
export function lessonTimeOfPacket(spans: readonly KeptSpan[], offsetMs: number, timestamp: number): number | null {
  const sourceMs = timestamp * 1000 + offsetMs;
  for (const span of spans) {
    if (sourceMs >= span.sourceStart - EPSILON_S * 1000 && sourceMs < span.sourceEnd - EPSILON_S * 1000) {
      return Math.max(0, span.lessonStart + sourceMs - span.sourceStart) / 1000;
    }
  }
  return null;
}
