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
  const batch = createBatch(source);
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

function createBatch(source: AudioSampleSource) {
  let channels: Float32Array[] = [];
  let filled = 0;
  let rate = 0;
  let startTime = 0;

  // The batch being encoded while the next one is decoded: at most one, so memory stays at two batches.
  let encoding: Promise<void> = Promise.resolve();
  const flush = async () => {
    if (filled === 0) return;
    const data = new Float32Array(filled * channels.length);
    channels.forEach((channel, index) => data.set(channel.subarray(0, filled), index * filled));
    const sample = new AudioSample({
      data,
      format: 'f32-planar',
      sampleRate: rate,
      numberOfChannels: channels.length,
      numberOfFrames: filled,
      timestamp: startTime,
    });
    startTime += filled / rate;
    filled = 0;
    await encoding;
    encoding = source.add(sample).finally(() => sample.close());
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
      const sameShape = sample.sampleRate === rate && sample.numberOfChannels === channels.length;
      const continues = sameShape && Math.abs((lessonTime - (startTime + filled / rate)) * rate) <= CONTIGUOUS_SAMPLES;
      if (!continues) {
        await flush();
        if (!sameShape) {
          rate = sample.sampleRate;
          channels = Array.from(
            { length: sample.numberOfChannels },
            () => new Float32Array(Math.ceil(BATCH_SECONDS * rate)),
          );
        }
        startTime = lessonTime;
      }
      let offset = first;
      while (offset < last) {
        const capacity = (channels[0]?.length ?? 0) - filled;
        const count = Math.min(capacity, last - offset);
        channels.forEach((channel, planeIndex) =>
          sample.copyTo(channel.subarray(filled, filled + count), {
            planeIndex,
            format: 'f32-planar',
            frameOffset: offset,
            frameCount: count,
          }),
        );
        filled += count;
        offset += count;
        if (filled === channels[0]?.length) await flush();
      }
    },
  };
}

function clamp(value: number, low: number, high: number): number {
  return Math.min(Math.max(value, low), high);
}
