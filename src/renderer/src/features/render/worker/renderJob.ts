import {
  AudioSampleSource,
  getFirstEncodableAudioCodec,
  EncodedVideoPacketSource,
  Mp4OutputFormat,
  Output,
  StreamTarget,
  type StreamTargetChunk,
  Quality,
} from 'mediabunny';
import type { AudioPlan, RenderPlan, VideoPlan } from '@shared/render/renderPlan';
import type { EncoderFacts, EncoderPreference } from '@shared/render/encoderQuality';
import type { RenderOutcome } from '../protocol';
import { encodeAudio } from './encodeAudio';
import { encodeVideo, sampleLessonFrames } from './encodeVideo';
import { chooseEncoder } from './encoderChoice';
import { createFrameEncoder } from './frameEncoder';
import { createInputs, type OpenedFile } from './openInput';

export interface JobIo {
  readonly urls: Readonly<Record<string, string>>;
  readonly encoder: EncoderPreference;
  readonly stream: WritableStream<StreamTargetChunk>;
  onProgress(doneMs: number): void;
}

type Run = () => Promise<void>;
type Open = (path: string, role: string) => OpenedFile;

/**
 * One encoded render, start to finalized file: picture and sound side by side, muxed with fast start. Renders that
 * only cut are copied by main instead (see cut/runCut.ts); `note` says why this one is not.
 */
export async function runRenderJob(plan: RenderPlan, note: string | null, io: JobIo): Promise<RenderOutcome> {
  const inputs = createInputs();
  const open: Open = (path, role) => {
    const url = io.urls[path];
    if (!url) throw new Error(`No address for ${path}`);
    return inputs.open(url, role);
  };
  const output = new Output({
    // The index goes at the front (room reserved, filled in last) so a learner's player starts before the download ends.
    format: new Mp4OutputFormat({ fastStart: 'reserve' }),
    // Not chunked by mediabunny: the stream gathers writes into buffers it reuses (outputStream.ts).
    target: new StreamTarget(io.stream),
  });
  let videoDone = 0;
  let audioDone = 0;
  const report = () =>
    io.onProgress(plan.video && plan.audio ? Math.min(videoDone, audioDone) : plan.video ? videoDone : audioDone);
  try {
    const runs: Run[] = [];
    let outcome: RenderOutcome = { method: 'audio', note: null, sound: null };
    if (plan.video) {
      const video = await addVideo(plan, plan.video, output, open, io.encoder, (ms) => {
        videoDone = ms;
        report();
      });
      outcome = { method: 'encode', note, encoders: video.encoders, encoder: video.facts, sound: null };
      runs.push(video.run);
    }
    if (plan.audio) {
      const audio = await addAudio(plan, plan.audio, output, open, (ms) => {
        audioDone = ms;
        report();
      });
      outcome = { ...outcome, sound: 'encoded' };
      runs.push(async () => {
        await audio();
        audioDone = plan.durationMs;
      });
    }
    await output.start();
    await Promise.all(runs.map((run) => run()));
    await output.finalize();
    io.onProgress(plan.durationMs);
    return outcome;
  } catch (error) {
    if (output.state !== 'finalized' && output.state !== 'canceled') await output.cancel().catch(() => undefined);
    throw error;
  } finally {
    inputs.dispose();
  }
}

/** Adds the video track: frames decoded, composited (bubble, burned-in callouts) and encoded. */
async function addVideo(
  plan: RenderPlan,
  video: VideoPlan,
  output: Output,
  open: Open,
  preference: EncoderPreference,
  onProgress: (ms: number) => void,
): Promise<{ run: Run; encoders: number; facts: EncoderFacts }> {
  const screen = open(video.screen.path, 'screen');
  const camera = plan.bubble ? open(plan.bubble.camera.path, 'camera') : null;
  const source = new EncodedVideoPacketSource('avc');
  output.addVideoTrack(source, { frameRate: video.frameRate, maximumPacketCount: video.maximumPacketCount });
  const choice = await chooseEncoder(video, preference, () => sampleLessonFrames(plan, video, screen));
  const encoder = createFrameEncoder(source, video, choice);
  const run = async () => {
    try {
      await encodeVideo(plan, video, encoder, { screen, camera }, onProgress);
      await encoder.finish();
    } finally {
      encoder.close();
    }
    source.close();
  };
  return { run, encoders: encoder.lanes, facts: choice.facts };
}

/** Adds the sound track: cut to the sample and encoded, to AAC where this computer can, else to Opus. */
async function addAudio(
  plan: RenderPlan,
  audio: AudioPlan,
  output: Output,
  open: Open,
  onProgress: (ms: number) => void,
): Promise<Run> {
  const track = await open(audio.file.path, 'sound').audio();
  // AAC plays on every device; Chromium encodes it where the system has an encoder (macOS, Windows), Linux only Opus.
  const quality = new Quality({ bitrate: audio.bitrate });
  const codec = await getFirstEncodableAudioCodec(['aac', 'opus'], {
    numberOfChannels: await track.getNumberOfChannels(),
    sampleRate: await track.getSampleRate(),
    quality,
  });
  if (!codec) throw new Error('This computer cannot encode sound as AAC or Opus');
  const source = new AudioSampleSource({ codec, quality });
  output.addAudioTrack(source, { maximumPacketCount: audio.maximumPacketCount });
  return async () => {
    await encodeAudio(plan, audio, track, source, onProgress);
    source.close();
  };
}
