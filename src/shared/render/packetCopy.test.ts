import { describe, expect, it } from 'vitest';
import { createLessonMap } from '../timeline/mapping';
import { decidePacketCopy, lessonTimeOfPacket, type PacketInfo } from './packetCopy';

/** 10 s at 30 fps with a keyframe every second. */
const packets: PacketInfo[] = Array.from({ length: 300 }, (_, n) => ({ timestamp: n / 30, key: n % 30 === 0 }));
const spansOf = (cuts: { start: number; end: number }[]) => createLessonMap({ sourceDuration: 10_000, trimStart: 0, trimEnd: 10_000, cuts, splits: [] }).spans;

describe('decidePacketCopy', () => {
  it('copies when every kept range starts on a keyframe, counting the packets kept', () => {
    expect(decidePacketCopy(spansOf([{ start: 1_500, end: 3_000 }]), 0, packets)).toEqual({ copy: true, packetCount: 300 - 45 });
  });

  it('accepts a cut end a rounding before a keyframe', () => {
    const keyAt = packets.map((p, n) => ({ ...p, key: n === 0 || n === 100 }));
    expect(decidePacketCopy(spansOf([{ start: 1_000, end: 3_333 }]), 0, keyAt)).toMatchObject({ copy: true });
  });

  it('refuses a kept range that starts mid-GOP, saying where', () => {
    expect(decidePacketCopy(spansOf([{ start: 1_500, end: 3_033 }]), 0, packets)).toEqual({ copy: false, reason: 'the part from 0:03.0 does not start on a keyframe' });
  });

  it('refuses reordered frames', () => {
    const reordered = [packets[0]!, packets[2]!, packets[1]!, ...packets.slice(3)];
    expect(decidePacketCopy(spansOf([]), 0, reordered)).toMatchObject({ copy: false, reason: 'the recording reorders frames (B-frames)' });
  });

  it('works on the file’s own clock when it starts later than the take', () => {
    expect(decidePacketCopy(spansOf([{ start: 1_000, end: 2_100 }]), 100, packets)).toMatchObject({ copy: true });
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
