import { describe, expect, it } from 'vitest';
import { AudioSample } from 'mediabunny';
import { createAudioBatches } from './encodeAudio';

const RATE = 48_000;

/** A stereo piece of `frames` samples starting at sample `from` of a ramp: left counts up, right counts down. */
function piece(from: number, frames: number): AudioSample {
  const data = new Float32Array(frames * 2);
  for (let index = 0; index < frames; index += 1) {
    data[index] = from + index;
    data[frames + index] = -(from + index);
  }
  return new AudioSample({
    data,
    format: 'f32-planar',
    sampleRate: RATE,
    numberOfChannels: 2,
    numberOfFrames: frames,
    timestamp: from / RATE,
  });
}

function planesOf(sample: AudioSample): number[][] {
  return [0, 1].map((planeIndex) => {
    const plane = new Float32Array(sample.numberOfFrames);
    sample.copyTo(plane, { planeIndex, format: 'f32-planar' });
    return [...plane];
  });
}

/**
 * Stands in for mediabunny's AudioSampleSource, which needs a browser's AudioEncoder: takes each batch slowly, as an
 * encoder does, and reads it both when it is handed over and when its encoding ends, so a batch written over while
 * it is being encoded shows.
 */
function slowEncoder() {
  const batches: { timestamp: number; planes: number[][]; changedWhileEncoding: boolean }[] = [];
  return {
    batches,
    async add(sample: AudioSample): Promise<void> {
      const planes = planesOf(sample);
      const timestamp = sample.timestamp;
      for (let turn = 0; turn < 3; turn += 1) await new Promise((resolve) => setTimeout(resolve, 1));
      batches.push({
        timestamp,
        planes,
        changedWhileEncoding: JSON.stringify(planesOf(sample)) !== JSON.stringify(planes),
      });
    },
  };
}

const ramp = (from: number, to: number) => Array.from({ length: to - from }, (_, index) => from + index);

describe('createAudioBatches', () => {
  it('gathers stereo pieces into half-second batches, each whole, with none written over while it is encoded', async () => {
    const encoder = slowEncoder();
    const batches = createAudioBatches(encoder);
    // 1.25 s in pieces of 1,024 samples, as a decoder gives them.
    for (let from = 0; from < 60_000; from += 1024) {
      const sample = piece(from, Math.min(1024, 60_000 - from));
      await batches.append(sample, 0, sample.numberOfFrames, from / RATE);
      sample.close();
    }
    await batches.finish();
    expect(encoder.batches.map((batch) => batch.timestamp)).toEqual([0, 0.5, 1]);
    expect(encoder.batches.map((batch) => batch.planes[0]?.length)).toEqual([24_000, 24_000, 12_000]);
    expect(encoder.batches.some((batch) => batch.changedWhileEncoding)).toBe(false);
    expect(encoder.batches.flatMap((batch) => batch.planes[0] ?? [])).toEqual(ramp(0, 60_000));
    expect(encoder.batches.flatMap((batch) => batch.planes[1] ?? [])).toEqual(ramp(0, 60_000).map((value) => -value));
  });

  it('keeps one batch across a cut in the source, and starts a new one, both channels apart, where lesson time jumps', async () => {
    const encoder = slowEncoder();
    const batches = createAudioBatches(encoder);
    const before = piece(0, 1000);
    const after = piece(5000, 1000);
    await batches.append(before, 0, 1000, 0);
    // Source samples 5,200–5,999 heard right after the first thousand: a cut, heard without a gap.
    await batches.append(after, 200, 1000, 1000 / RATE);
    // The same again a second later in the lesson: a jump.
    await batches.append(after, 200, 1000, 1);
    await batches.finish();
    const negated = (values: number[]) => values.map((value) => -value);
    const heard = [...ramp(0, 1000), ...ramp(5200, 6000)];
    expect(encoder.batches.map((batch) => batch.planes)).toEqual([
      [heard, negated(heard)],
      [ramp(5200, 6000), negated(ramp(5200, 6000))],
    ]);
    expect(encoder.batches.map((batch) => batch.timestamp)).toEqual([0, 1]);
  });
});
