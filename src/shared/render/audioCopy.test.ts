import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import type { EditList } from '../timeline/editList';
import { createLessonMap } from '../timeline/mapping';
import { planAudioCopy, type TimedPacket } from './audioCopy';

const AAC_PACKET_S = 1024 / 48_000;
/** Packets back to back from 0, as an encoder writes them. */
const packetsFor = (seconds: number, duration = AAC_PACKET_S): TimedPacket[] =>
  Array.from({ length: Math.ceil(seconds / duration) }, (_, index) => ({ timestamp: index * duration, duration }));
const spansOf = (cuts: { start: number; end: number }[], durationMs: number) => {
  const list: EditList = { sourceDuration: durationMs, trimStart: 0, trimEnd: durationMs, cuts, splits: [] };
  return createLessonMap(list).spans;
};

/** For every copied packet, how far (s) from its ideal lesson time it is heard. */
function syncErrors(
  cuts: { start: number; end: number }[],
  durationMs: number,
  packets: TimedPacket[],
  offsetMs = 0,
): number[] {
  const spans = spansOf(cuts, durationMs);
  const errors: number[] = [];
  for (const piece of planAudioCopy(spans, offsetMs, packets)) {
    const first = packets[piece.start]!;
    for (let index = piece.start; index < piece.end; index += 1) {
      const packet = packets[index]!;
      const middle = packet.timestamp + packet.duration / 2 + offsetMs / 1000;
      const span = spans.find(
        (candidate) => middle >= candidate.sourceStart / 1000 - 1e-9 && middle < candidate.sourceEnd / 1000 + 1e-9,
      );
      expect(span, `packet ${index} lies in a kept span`).toBeDefined();
      const ideal = span!.lessonStart / 1000 + packet.timestamp + offsetMs / 1000 - span!.sourceStart / 1000;
      errors.push(piece.lessonTime + packet.timestamp - first.timestamp - ideal);
    }
  }
  return errors;
}

describe('planAudioCopy', () => {
  it('copies every packet where nothing is cut', () => {
    const packets = packetsFor(10);
    expect(planAudioCopy(spansOf([], 10_000), 0, packets)).toEqual([{ start: 0, end: packets.length, lessonTime: 0 }]);
  });

  it('drops the packets of a cut, keeps a straddling packet with the side holding most of it, and takes back the rounding at the next part', () => {
    const packets = packetsFor(1, 0.02);
    // 212–505 ms cut: packet 10 (200–220) is mostly before it and kept, packet 25 (500–520) mostly after it and kept.
    const pieces = planAudioCopy(spansOf([{ start: 212, end: 505 }], 1000), 0, packets);
    // The first part ran 8 ms long (to 220 ms for a cut at 212), so the second starts 8 ms into its own time:
    // packet 25 would be heard 8 ms early, packet 26 exactly on time.
    expect(pieces.map(({ start, end }) => [start, end])).toEqual([
      [0, 11],
      [26, 50],
    ]);
    expect(pieces[1]!.lessonTime).toBeCloseTo(0.227, 9);
  });

  it('keeps sound within half a packet of picture across many cuts, and never overlaps itself', () => {
    fc.assert(
      fc.property(fc.uniqueArray(fc.integer({ min: 1, max: 29_000 }), { minLength: 2, maxLength: 40 }), (points) => {
        const sorted = [...points].sort((a, b) => a - b);
        const cuts: { start: number; end: number }[] = [];
        for (let index = 0; index + 1 < sorted.length; index += 2)
          cuts.push({ start: sorted[index]!, end: sorted[index + 1]! });
        const packets = packetsFor(30);
        for (const error of syncErrors(cuts, 30_000, packets))
          expect(Math.abs(error)).toBeLessThanOrEqual(AAC_PACKET_S / 2 + 1e-9);
        const pieces = planAudioCopy(spansOf(cuts, 30_000), 0, packets);
        for (let index = 1; index < pieces.length; index += 1) {
          const before = pieces[index - 1]!;
          const last = packets[before.end - 1]!;
          expect(pieces[index]!.lessonTime).toBeGreaterThanOrEqual(
            before.lessonTime + last.timestamp + last.duration - packets[before.start]!.timestamp - 1e-9,
          );
        }
      }),
      { numRuns: 100 },
    );
  });

  it('reads the file on its own clock when it starts later than the take', () => {
    const errors = syncErrors([{ start: 2_000, end: 3_000 }], 10_000, packetsFor(9), 1_000);
    expect(Math.max(...errors.map(Math.abs))).toBeLessThanOrEqual(AAC_PACKET_S / 2 + 1e-9);
  });

  it('keeps a gap in the recording as a gap', () => {
    const packets = [
      ...packetsFor(1, 0.02),
      ...packetsFor(1, 0.02).map((packet) => ({ ...packet, timestamp: packet.timestamp + 1.5 })),
    ];
    const [piece] = planAudioCopy(spansOf([], 3_000), 0, packets);
    expect(piece).toEqual({ start: 0, end: 100, lessonTime: 0 });
  });
});
