import { AudioSampleSink, type AudioSampleSource, type InputAudioTrack } from 'mediabunny';
import type { AudioPlan, RenderPlan } from '../../../../../shared/render/renderPlan';

/**
 * Decodes the kept source ranges and cuts them at the same source times as the video, to the sample; each piece
 * is stamped with its lesson time so sound and picture stay together across every cut.
 */
export async function encodeAudio(plan: RenderPlan, audio: AudioPlan, track: InputAudioTrack, source: AudioSampleSource, onSample: (lessonMs: number) => void): Promise<void> {
  const sink = new AudioSampleSink(track);
  let writtenUntil = 0;
  for (const span of plan.spans) {
    const start = (span.sourceStart - audio.file.offsetMs) / 1000;
    const end = (span.sourceEnd - audio.file.offsetMs) / 1000;
    for await (const sample of sink.samples(Math.max(0, start), end)) {
      const rate = sample.sampleRate;
      const first = clamp(Math.round((start - sample.timestamp) * rate), 0, sample.numberOfFrames);
      const last = clamp(Math.round((end - sample.timestamp) * rate), 0, sample.numberOfFrames);
      if (last <= first) {
        sample.close();
        continue;
      }
      const piece = first === 0 && last === sample.numberOfFrames ? sample : sample.trim(first, last);
      const lessonTime = span.lessonStart / 1000 + (sample.timestamp + first / rate - start);
      // Rounding to whole samples may overlap the previous piece by a sample; never step back in time.
      piece.setTimestamp(Math.max(lessonTime, writtenUntil));
      writtenUntil = piece.timestamp + piece.duration;
      await source.add(piece);
      if (piece !== sample) piece.close();
      sample.close();
      onSample(writtenUntil * 1000);
    }
  }
}

function clamp(value: number, low: number, high: number): number {
  return Math.min(Math.max(value, low), high);
}
