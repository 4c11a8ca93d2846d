import type { KeptSpan } from '../timeline/mapping';

/** What copying needs of a source sound packet: its time and length (s, file time). */
export interface TimedPacket {
  readonly timestamp: number;
  readonly duration: number;
}

/** Source packets [start, end) copied one after another, the first heard at `lessonTime` (s). */
export interface AudioPiece {
  readonly start: number;
  readonly end: number;
  readonly lessonTime: number;
}

/** Codecs whose packets an MP4 carries and every current browser plays. */
export const COPYABLE_AUDIO_CODECS: readonly string[] = ['aac', 'opus'];

/**
 * Which sound packets to copy for each kept span when the video is copied too. A packet cannot be split, so each
 * cut lands on a packet boundary (20–21 ms for Opus and AAC). Each span starts from the source time that belongs
 * where the copied sound has actually reached, so the rounding of one cut is taken back at the next and sound
 * never drifts from picture by more than half a packet, however many cuts there are. Packets keep their own
 * spacing within a span, gaps in the recording included.
 */
export function planAudioCopy(
  spans: readonly KeptSpan[],
  offsetMs: number,
  packets: readonly TimedPacket[],
): AudioPiece[] {
  const pieces: AudioPiece[] = [];
  let reached = 0;
  let from = 0;
  for (const span of spans) {
    const spanStart = (span.sourceStart - offsetMs) / 1000;
    const spanEnd = (span.sourceEnd - offsetMs) / 1000;
    const wanted = spanStart + Math.max(0, reached - span.lessonStart / 1000);
    let start = from;
    while (start < packets.length && middle(packets[start]) < wanted) start += 1;
    let end = start;
    while (end < packets.length && middle(packets[end]) < spanEnd) end += 1;
    if (end <= start) continue;
    const first = packets[start];
    const last = packets[end - 1];
    if (!first || !last) continue;
    const lessonTime = Math.max(reached, span.lessonStart / 1000 + (first.timestamp - spanStart));
    pieces.push({ start, end, lessonTime });
    reached = lessonTime + last.timestamp + last.duration - first.timestamp;
    from = end;
  }
  return pieces;
}

const middle = (packet: TimedPacket | undefined) => (packet ? packet.timestamp + packet.duration / 2 : Infinity);
