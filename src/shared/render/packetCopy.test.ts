import { describe, expect, it } from 'vitest';
import { createLessonMap } from '../timeline/mapping';
import { planPacketCopy, lessonTimeOfPacket, type PacketInfo } from './packetCopy';

/** 10 s at 30 fps with a keyframe every second. */
const packets: PacketInfo[] = Array.from({ length: 300 }, (_, n) => ({ timestamp: n / 30, key: n % 30 === 0 }));
const spansOf = (cuts: { start: number; end: number }[]) =>
  createLessonMap({ sourceDuration: 10_000, trimStart: 0, trimEnd: 10_000, cuts, splits: [] }).spans;

/** A cut on frame boundaries at 30 fps, as the edit list keeps it (whole ms). */
const frames = (start: number, end: number) => ({
  start: Math.round((start * 1000) / 30),
  end: Math.round((end * 1000) / 30),
});

describe('planPacketCopy', () => {
  it('copies spans that start on keyframes, re-encoding nothing', () => {
    expect(planPacketCopy(spansOf([{ start: 1_500, end: 3_000 }]), 0, packets)).toEqual({
      copy: true,
      packetCount: 300 - 45,
      reencodedCount: 0,
      cuts: [
        { reencode: null, copy: { start: 0, end: 45 } },
        { reencode: null, copy: { start: 90, end: 300 } },
      ],
    });
  });

  it('re-encodes a mid-GOP start up to the span’s first keyframe, decoded from the keyframe before', () => {
    expect(planPacketCopy(spansOf([frames(17, 51), frames(141, 173)]), 0, packets)).toEqual({
      copy: true,
      packetCount: 300 - 34 - 32,
      reencodedCount: 9 + 7,
      cuts: [
        { reencode: null, copy: { start: 0, end: 17 } },
        { reencode: { decodeFrom: 30, start: 51, end: 60 }, copy: { start: 60, end: 141 } },
        { reencode: { decodeFrom: 150, start: 173, end: 180 }, copy: { start: 180, end: 300 } },
      ],
    });
  });

  it('re-encodes the whole of a span shorter than a GOP that holds no keyframe, and copies nothing of it', () => {
    const decision = planPacketCopy(spansOf([frames(0, 35), frames(40, 300)]), 0, packets);
    expect(decision).toMatchObject({
      copy: true,
      packetCount: 5,
      reencodedCount: 5,
      cuts: [{ reencode: { decodeFrom: 30, start: 35, end: 40 }, copy: null }],
    });
  });

  it('copies a span ending mid-GOP up to its end, and a span holding several GOPs whole', () => {
    const decision = planPacketCopy(spansOf([frames(0, 65), frames(245, 300)]), 0, packets);
    expect(decision).toMatchObject({
      copy: true,
      packetCount: 180,
      reencodedCount: 25,
      cuts: [{ reencode: { decodeFrom: 60, start: 65, end: 90 }, copy: { start: 90, end: 245 } }],
    });
  });

  it('takes a packet a rounding before a span’s start or end as inside it', () => {
    const keyAt = packets.map((p, n) => ({ ...p, key: n === 0 || n === 100 }));
    expect(planPacketCopy(spansOf([{ start: 1_000, end: 3_333 }]), 0, keyAt)).toMatchObject({
      copy: true,
      reencodedCount: 0,
      cuts: [{ copy: { start: 0, end: 30 } }, { reencode: null, copy: { start: 100, end: 300 } }],
    });
  });

  it('refuses reordered frames', () => {
    const reordered = [packets[0]!, packets[2]!, packets[1]!, ...packets.slice(3)];
    expect(planPacketCopy(spansOf([]), 0, reordered)).toEqual({
      copy: false,
      reason: 'the recording reorders frames (B-frames)',
    });
  });

  it('refuses a span with no keyframe before it to decode from, saying where', () => {
    const noKey = packets.map((p) => ({ ...p, key: false }));
    expect(planPacketCopy(spansOf([{ start: 0, end: 1_500 }]), 0, noKey)).toEqual({
      copy: false,
      reason: 'the part from 0:01.5 has no keyframe before it',
    });
  });

  it('works on the file’s own clock when it starts later than the take', () => {
    expect(planPacketCopy(spansOf([{ start: 1_000, end: 2_100 }]), 100, packets)).toMatchObject({
      copy: true,
      reencodedCount: 0,
    });
  });
});

describe('lessonTimeOfPacket', () => {
  it('maps kept packets to contiguous lesson time and drops cut ones', () => {
    const spans = spansOf([{ start: 1_500, end: 3_000 }]);
    expect(lessonTimeOfPacket(spans, 0, 44 / 30)).toBeCloseTo(44 / 30);
    expect(lessonTimeOfPacket(spans, 0, 45 / 30)).toBeNull();
    expect(lessonTimeOfPacket(spans, 0, 3)).toBeCloseTo(1.5);
  });
});
