import { describe, expect, it } from 'vitest';
import type { EncodedPiece } from '@shared/contract/cuts';
import { planAudioCopy } from '@shared/render/audioCopy';
import { parseAvcConfig } from '@shared/render/avcConfig';
import { planPacketCopy, type PacketInfo } from '@shared/render/packetCopy';
import { planSplice } from '@shared/render/smartCutSplice';
import type { KeptSpan } from '@shared/timeline/mapping';
import { placesIn, spliceOf, splicedAudio, splicedVideo, type ReadRange, type SplicedSample } from './splicedSamples';

const bytes = (hex: string) => Uint8Array.from(hex.match(/../g) ?? [], (pair) => parseInt(pair, 16));
// libx264's avcC for a Constrained Baseline clip (the one avcConfig.test.ts reads).
const BASELINE = bytes('0142c00affe100166742c00ada11fe7c0440000003004000000f03c489a801000468ce0fc8');
const CODEC = 'avc1.42c00a';

/** 12 frames a quarter second apart (file time), a keyframe every second: indices 0, 4 and 8. */
const FRAMES: PacketInfo[] = Array.from({ length: 12 }, (_, at) => ({ timestamp: at * 0.25, key: at % 4 === 0 }));

function videoOf(spans: KeptSpan[]) {
  const decision = planPacketCopy(spans, 0, FRAMES);
  if (!decision.copy) throw new Error(decision.reason);
  return { cut: { spans, source: { offsetMs: 0 } }, copy: { packets: FRAMES, decision, frameRate: 30 } };
}

/** A reader that gives each packet as a name of its place, and notes the ranges asked for. */
function namedPackets(): { read: ReadRange<string>; asked: [number, number][] } {
  const asked: [number, number][] = [];
  return {
    asked,
    read: async function* (start, end) {
      asked.push([start, end]);
      await Promise.resolve();
      for (let at = start; at < end; at++) yield `packet ${at}`;
    },
  };
}

async function all<T>(samples: AsyncIterable<T>): Promise<T[]> {
  const out: T[] = [];
  for await (const sample of samples) out.push(sample);
  return out;
}

const shape = (sample: SplicedSample<unknown>) => ({
  kind: sample.kind,
  at: sample.kind === 'copied' ? sample.at : null,
  timestamp: Number(sample.timestamp.toFixed(6)),
  duration: Number(sample.duration.toFixed(6)),
  key: sample.key,
});

/** An IDR slice and a P slice, each one NAL unit with a 4-byte length, as the encoder gives them. */
const IDR = bytes('000000026588');
const P_SLICE = bytes('00000002419a');

function pieceOf(packets: EncodedPiece['packets']): EncodedPiece {
  return { cutId: 'c1', index: 0, packets };
}

describe('splicedVideo', () => {
  it('copies the kept spans cut on keyframes, retimed so the lesson runs on without a gap', async () => {
    const { cut, copy } = videoOf([
      { sourceStart: 0, sourceEnd: 500, lessonStart: 0 },
      { sourceStart: 1000, sourceEnd: 2000, lessonStart: 500 },
    ]);
    const { read, asked } = namedPackets();
    const samples = await all(splicedVideo(cut, copy, [], planSplice(CODEC, BASELINE, null), read));

    expect(asked).toEqual([
      [0, 2],
      [4, 8],
    ]);
    expect(samples.map(shape)).toEqual([
      { kind: 'copied', at: 0, timestamp: 0, duration: 0.25, key: true },
      { kind: 'copied', at: 1, timestamp: 0.25, duration: 0.25, key: false },
      { kind: 'copied', at: 4, timestamp: 0.5, duration: 0.25, key: true },
      { kind: 'copied', at: 5, timestamp: 0.75, duration: 0.25, key: false },
      { kind: 'copied', at: 6, timestamp: 1, duration: 0.25, key: false },
      { kind: 'copied', at: 7, timestamp: 1.25, duration: 0.25, key: false },
    ]);
    expect(samples.map((sample) => (sample.kind === 'copied' ? sample.packet : null))).toEqual(
      [0, 1, 4, 5, 6, 7].map((at) => `packet ${at}`),
    );
  });

  it('puts the re-encoded frames where a span starts between keyframes, then copies from the keyframe on', async () => {
    const { cut, copy } = videoOf([
      { sourceStart: 0, sourceEnd: 500, lessonStart: 0 },
      { sourceStart: 1500, sourceEnd: 3000, lessonStart: 500 },
    ]);
    const piece = pieceOf([
      { data: IDR, key: true, timestamp: 0.5, duration: 0.25, description: BASELINE },
      { data: P_SLICE, key: false, timestamp: 0.75, duration: 0.25 },
    ]);
    const { read, asked } = namedPackets();
    const samples = await all(
      splicedVideo(cut, copy, [piece], spliceOf({ codec: CODEC, description: BASELINE }, [piece]), read),
    );

    expect(asked).toEqual([
      [0, 2],
      [8, 12],
    ]);
    expect(samples.map(shape)).toEqual([
      { kind: 'copied', at: 0, timestamp: 0, duration: 0.25, key: true },
      { kind: 'copied', at: 1, timestamp: 0.25, duration: 0.25, key: false },
      { kind: 'reencoded', at: null, timestamp: 0.5, duration: 0.25, key: true },
      { kind: 'reencoded', at: null, timestamp: 0.75, duration: 0.25, key: false },
      { kind: 'copied', at: 8, timestamp: 1, duration: 0.25, key: true },
      { kind: 'copied', at: 9, timestamp: 1.25, duration: 0.25, key: false },
      { kind: 'copied', at: 10, timestamp: 1.5, duration: 0.25, key: false },
      // The take's last frame: one frame at the output rate.
      { kind: 'copied', at: 11, timestamp: 1.75, duration: Number((1 / 30).toFixed(6)), key: false },
    ]);
    const reencoded = samples.flatMap((sample) => (sample.kind === 'reencoded' ? [sample.bytes] : []));
    // Same parameter sets as the recording's: the encoder's slices go in unchanged.
    expect(reencoded).toEqual([IDR, P_SLICE]);
  });

  it('refuses a re-encoded piece of the wrong length, one not starting on a keyframe, or one without its avcC', async () => {
    const { cut, copy } = videoOf([{ sourceStart: 1500, sourceEnd: 3000, lessonStart: 0 }]);
    const splice = planSplice(CODEC, BASELINE, parseAvcConfig(BASELINE));
    const run = (piece: EncodedPiece) => all(splicedVideo(cut, copy, [piece], splice, placesIn));
    const frame = (key: boolean, description?: Uint8Array<ArrayBuffer>) => ({
      data: key ? IDR : P_SLICE,
      key,
      timestamp: 0,
      duration: 0.25,
      ...(description ? { description } : {}),
    });

    await expect(run(pieceOf([frame(true, BASELINE)]))).rejects.toThrow('wrong number of frames');
    await expect(run(pieceOf([frame(false, BASELINE), frame(false)]))).rejects.toThrow('does not start on a keyframe');
    await expect(run(pieceOf([frame(true), frame(false)]))).rejects.toThrow('no H.264 configuration');
    await expect(all(splicedVideo(cut, copy, [], splice, placesIn))).rejects.toThrow('wrong number of frames');
  });
});

describe('spliceOf', () => {
  it('keeps the recording’s codec and avcC when nothing was re-encoded, and needs the avcC of pieces that were', () => {
    expect(spliceOf({ codec: CODEC, description: BASELINE }, [])).toMatchObject({
      codec: CODEC,
      description: BASELINE,
    });
    const bare = pieceOf([{ data: IDR, key: true, timestamp: 0, duration: 0.25 }]);
    expect(() => spliceOf({ codec: CODEC, description: BASELINE }, [bare])).toThrow('no H.264 configuration');
  });
});

describe('splicedAudio', () => {
  it('copies each planned piece of sound, its packets spaced as recorded from where the piece lands', async () => {
    const packets = Array.from({ length: 8 }, (_, at) => ({ timestamp: at * 0.25, duration: 0.25 }));
    const spans: KeptSpan[] = [
      { sourceStart: 0, sourceEnd: 500, lessonStart: 0 },
      { sourceStart: 1000, sourceEnd: 2000, lessonStart: 500 },
    ];
    const { read, asked } = namedPackets();
    const samples = await all(splicedAudio({ packets, pieces: planAudioCopy(spans, 0, packets) }, read));

    expect(asked).toEqual([
      [0, 2],
      [4, 8],
    ]);
    expect(samples.map(shape)).toEqual(
      [0, 1, 4, 5, 6, 7].map((at, index) => ({
        kind: 'copied',
        at,
        timestamp: index * 0.25,
        duration: 0.25,
        key: true,
      })),
    );
    expect(samples.map((sample) => sample.packet)).toEqual([0, 1, 4, 5, 6, 7].map((at) => `packet ${at}`));
  });
});
