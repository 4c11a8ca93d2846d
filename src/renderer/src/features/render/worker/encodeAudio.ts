import { AudioSample, AudioSampleSink, type AudioSampleSource, type InputAudioTrack } from 'mediabunny';
import type { AudioPlan, RenderPlan } from '@shared/render/renderPlan';

/**
 * Decoded sound is handed to the encoder in pieces of about this many seconds: a decoder gives 1024-sample
 * packets, and passing each one through the encoder and muxer on its own cost more than the encoding itself.
 */
const BATCH_SECONDS = 0.5;
/** A piece this close (in samples) to where the batch ends continues it; further off, a new batch starts where it belongs. */
const CONTIGUOUS_SAMPLES = 2;

/**
 * Decodes the kept source ranges and cuts them at the same source times as the video, to the sample; each piece
 * is stamped with its lesson time so sound and picture stay together across every cut.
 */
export async function encodeAudio(
  plan: RenderPlan,
  audio: AudioPlan,
  track: InputAudioTrack,
  source: AudioSampleSource,
  onSample: (lessonMs: number) => void,
): Promise<void> {
  const sink = new AudioSampleSink(track);
  const batch = createAudioBatches(source);
  let writtenUntil = 0;
  for (const span of plan.spans) {
    const start = (span.sourceStart - audio.file.offsetMs) / 1000;
    const end = (span.sourceEnd - audio.file.offsetMs) / 1000;
    for await (const sample of sink.samples(Math.max(0, start), end)) {
      try {
        const rate = sample.sampleRate;
        const first = clamp(Math.round((start - sample.timestamp) * rate), 0, sample.numberOfFrames);
        const last = clamp(Math.round((end - sample.timestamp) * rate), 0, sample.numberOfFrames);
        if (last <= first) continue;
        const lessonTime = span.lessonStart / 1000 + (sample.timestamp + first / rate - start);
        // Rounding to whole samples may overlap the previous piece by a sample; never step back in time.
        await batch.append(sample, first, last, Math.max(lessonTime, writtenUntil));
        writtenUntil = batch.endTime();
        onSample(writtenUntil * 1000);
      } finally {
        sample.close();
      }
    }
  }
  await batch.finish();
}

/**
 * Gathers decoded pieces of sound into batches of BATCH_SECONDS for `source`, a new batch where the sound jumps (a
 * cut) or changes shape; one batch is encoded while the next fills.
 */
export function createAudioBatches(source: Pick<AudioSampleSource, 'add'>) {
  // Two planar buffers in turn, one being encoded while the other fills: a render makes no new one per batch (a
  // 20-minute lesson's sound would otherwise leave 2,400 of them for the collector).
  let buffers: [Float32Array, Float32Array] = [new Float32Array(0), new Float32Array(0)];
  let filling: 0 | 1 = 0;
  let capacity = 0;
  let channelCount = 0;
  let filled = 0;
  let rate = 0;
  let startTime = 0;

  // The batch being encoded while the next one is decoded: at most one, so memory stays at two batches.
  let encoding: Promise<void> = Promise.resolve();
  const flush = async () => {
    if (filled === 0) return;
    const buffer = buffers[filling];
    // Planar sound is one plane after another: a batch cut short has its planes moved up to meet.
    for (let plane = 1; plane < channelCount; plane += 1)
      buffer.copyWithin(plane * filled, plane * capacity, plane * capacity + filled);
    const sample = new AudioSample({
      data: buffer.subarray(0, filled * channelCount),
      format: 'f32-planar',
      sampleRate: rate,
      numberOfChannels: channelCount,
      numberOfFrames: filled,
      timestamp: startTime,
    });
    startTime += filled / rate;
    filled = 0;
    // The other buffer is free once its batch is encoded; it fills next.
    await encoding;
    encoding = source.add(sample).finally(() => sample.close());
    filling = filling === 0 ? 1 : 0;
  };

  return {
    /** Encodes what is left and waits for all of it. */
    async finish(): Promise<void> {
      await flush();
      await encoding;
    },
    endTime: () => startTime + filled / rate,
    /** Adds frames [first, last) of `sample`, to be heard at `lessonTime` (s). */
    async append(sample: AudioSample, first: number, last: number, lessonTime: number): Promise<void> {
      const sameShape = sample.sampleRate === rate && sample.numberOfChannels === channelCount;
      const continues = sameShape && Math.abs((lessonTime - (startTime + filled / rate)) * rate) <= CONTIGUOUS_SAMPLES;
      if (!continues) {
        await flush();
        if (!sameShape) {
          // Both buffers are free: the batch that used the other one was awaited by the flush above.
          await encoding;
          rate = sample.sampleRate;
          channelCount = sample.numberOfChannels;
          capacity = Math.ceil(BATCH_SECONDS * rate);
          buffers = [new Float32Array(capacity * channelCount), new Float32Array(capacity * channelCount)];
        }
        startTime = lessonTime;
      }
      let offset = first;
      while (offset < last) {
        // Read each time round: a full batch is flushed below, and the other buffer fills after it.
        const buffer = buffers[filling];
        const count = Math.min(capacity - filled, last - offset);
        for (let plane = 0; plane < channelCount; plane += 1) {
          const at = plane * capacity + filled;
          sample.copyTo(buffer.subarray(at, at + count), {
            planeIndex: plane,
            format: 'f32-planar',
            frameOffset: offset,
            frameCount: count,
          });
        }
        filled += count;
        offset += count;
        if (filled === capacity) await flush();
      }
    },
  };
}

function clamp(value: number, low: number, high: number): number {
  return Math.min(Math.max(value, low), high);
}
