import type { KeptSpan } from '../timeline/mapping';
import { formatTimecode } from '../timeline/timecode';

/** What the fast path needs to know of a source video packet: its presentation time (s, file time) and whether it is a keyframe. */
export interface PacketInfo {
  readonly timestamp: number;
  readonly key: boolean;
}

/** Source packets [start, end), as indices into the packet list (decode order, which is display order here). */
export interface PacketRange {
  readonly start: number;
  readonly end: number;
}

/**
 * One kept span of a smart cut: the frames from the span's start up to its first keyframe are decoded from the
 * keyframe before (`decodeFrom`) and re-encoded; the packets from that keyframe to the span's end are copied.
 */
export interface SpanCut {
  readonly reencode: (PacketRange & { readonly decodeFrom: number }) | null;
  readonly copy: PacketRange | null;
}

export type CopyDecision =
  | {
      readonly copy: true;
      readonly packetCount: number;
      readonly reencodedCount: number;
      readonly cuts: readonly SpanCut[];
    }
  | { readonly copy: false; readonly reason: string };

/** A packet this close before a kept range's start (a rounding of the edit list's whole milliseconds) still starts it. */
const EPSILON_S = 0.0005;

/**
 * How the kept video is copied: packet for packet from each span's first keyframe, the frames before it re-encoded.
 * A span may end mid-GOP: frames before a cut never depend on later ones, as long as frames are stored in display
 * order (with B-frames, a frame kept before a cut could depend on one cut away, so those recordings are refused).
 */
export function planPacketCopy(
  spans: readonly KeptSpan[],
  offsetMs: number,
  packets: readonly PacketInfo[],
): CopyDecision {
  for (let index = 1; index < packets.length; index += 1) {
    if ((packets[index]?.timestamp ?? 0) <= (packets[index - 1]?.timestamp ?? 0))
      return { copy: false, reason: 'the recording reorders frames (B-frames)' };
  }
  const cuts: SpanCut[] = [];
  let packetCount = 0;
  let reencodedCount = 0;
  for (const span of spans) {
    const startS = (span.sourceStart - offsetMs) / 1000 - EPSILON_S;
    const endS = (span.sourceEnd - offsetMs) / 1000 - EPSILON_S;
    const start = packets.findIndex((packet) => packet.timestamp >= startS);
    if (start < 0 || (packets[start]?.timestamp ?? Infinity) >= endS) continue;
    let end = start;
    while (end < packets.length && (packets[end]?.timestamp ?? Infinity) < endS) end += 1;
    let key = start;
    while (key < end && !packets[key]?.key) key += 1;
    let reencode: SpanCut['reencode'] = null;
    if (key > start) {
      let decodeFrom = start - 1;
      while (decodeFrom >= 0 && !packets[decodeFrom]?.key) decodeFrom -= 1;
      if (decodeFrom < 0)
        return { copy: false, reason: `the part from ${formatTimecode(span.sourceStart)} has no keyframe before it` };
      reencode = { decodeFrom, start, end: key };
    }
    cuts.push({ reencode, copy: key < end ? { start: key, end } : null });
    packetCount += end - start;
    reencodedCount += key - start;
  }
  return { copy: true, packetCount, reencodedCount, cuts };
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
