import {
  AudioSampleSource,
  EncodedAudioPacketSource,
  getFirstEncodableAudioCodec,
  EncodedVideoPacketSource,
  Mp4OutputFormat,
  Output,
  StreamTarget,
  type StreamTargetChunk,
  Quality,
} from 'mediabunny';
import type { AudioPlan, RenderPlan, VideoPlan } from '@shared/render/renderPlan';
import type { RenderOutcome } from '../protocol';
import { copyAudio, decideAudioCopy } from './copyAudio';
import { copyVideo, decideCopy } from './copyVideo';
import { encodeAudio } from './encodeAudio';
import { encodeVideo } from './encodeVideo';
import { createFrameEncoder } from './frameEncoder';
import { openInput, type OpenedFile } from './openInput';
import { WRITE_CHUNK_BYTES } from './outputStream';

export interface JobIo {
  readonly urls: Readonly<Record<string, string>>;
  readonly stream: WritableStream<StreamTargetChunk>;
  onProgress(doneMs: number): void;
}

type Run = () => Promise<void>;
type Open = (path: string, role: string) => OpenedFile;

/** One render, start to finalized file: decides copy or encode, runs picture and sound side by side, muxes with fast start. */
export async function runRenderJob(plan: RenderPlan, io: JobIo): Promise<RenderOutcome> {
  const opened: OpenedFile[] = [];
  const open: Open = (path, role) => {
    const url = io.urls[path];
    if (!url) throw new Error(`No address for ${path}`);
    const file = openInput(url, role);
    opened.push(file);
    return file;
  };
  const output = new Output({
    // The index goes at the front (room reserved, filled in last) so a learner's player starts before the download ends.
    format: new Mp4OutputFormat({ fastStart: 'reserve' }),
    target: new StreamTarget(io.stream, { chunked: true, chunkSize: WRITE_CHUNK_BYTES }),
  });
  let videoDone = 0;
  let audioDone = 0;
  const report = () =>
    io.onProgress(plan.video && plan.audio ? Math.min(videoDone, audioDone) : plan.video ? videoDone : audioDone);
  try {
    const runs: Run[] = [];
    let outcome: RenderOutcome = { method: 'audio', note: null, sound: null };
    if (plan.video) {
      const video = await addVideo(plan, plan.video, output, open, (ms) => {
        videoDone = ms;
        report();
      });
      outcome = video.outcome;
      runs.push(video.run);
    }
    if (plan.audio) {
      const videoCopied = outcome.method === 'copy' || outcome.method === 'smart';
      const audio = await addAudio(plan, plan.audio, output, open, videoCopied, (ms) => {
        audioDone = ms;
        report();
      });
      outcome = { ...outcome, sound: audio.sound };
      runs.push(async () => {
        await audio.run();
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
    for (const file of opened) file.input.dispose();
  }
}

/** Adds the video track: packets copied (re-encoding the partial GOPs at cuts) when the plan allows, else frames composited and encoded. */
async function addVideo(
  plan: RenderPlan,
  video: VideoPlan,
  output: Output,
  open: Open,
  onProgress: (ms: number) => void,
): Promise<{ outcome: RenderOutcome; run: Run }> {
  const screen = open(video.screen.path, 'screen');
  let note = plan.fastPath.applies ? null : plan.fastPath.reason;
  if (plan.fastPath.applies) {
    const track = await screen.video();
    const decision = await decideCopy(plan, video, track);
    if (decision.copy) {
      const source = new EncodedVideoPacketSource('avc');
      output.addVideoTrack(source, { frameRate: video.frameRate, maximumPacketCount: decision.packetCount + 16 });
      const run: Run = async () => {
        await copyVideo(plan, video, track, decision, source, onProgress);
        source.close();
      };
      const outcome: RenderOutcome =
        decision.reencodedCount > 0
          ? { method: 'smart', note: null, reencodedFrames: decision.reencodedCount, sound: null }
          : { method: 'copy', note: null, sound: null };
      return { outcome, run };
    }
    note = decision.reason;
  }
  const camera = plan.bubble ? open(plan.bubble.camera.path, 'camera') : null;
  const source = new EncodedVideoPacketSource('avc');
  output.addVideoTrack(source, { frameRate: video.frameRate, maximumPacketCount: video.maximumPacketCount });
  const encoder = await createFrameEncoder(source, video);
  const run: Run = async () => {
    try {
      await encodeVideo(plan, video, encoder, { screen, camera }, onProgress);
      await encoder.finish();
    } finally {
      encoder.close();
    }
    source.close();
  };
  return { outcome: { method: 'encode', note, sound: null }, run };
}

/**
 * Adds the sound track: copied packet for packet when the video is copied and the codec allows (so a cut-only render
 * decodes nothing), else cut to the sample and encoded, to AAC where this computer can, else to Opus.
 */
async function addAudio(
  plan: RenderPlan,
  audio: AudioPlan,
  output: Output,
  open: Open,
  withCopiedVideo: boolean,
  onProgress: (ms: number) => void,
): Promise<{ sound: 'copied' | 'encoded'; run: Run }> {
  const track = await open(audio.file.path, 'sound').audio();
  const copy = withCopiedVideo ? await decideAudioCopy(plan, audio, track) : null;
  const trackCodec = await track.getCodec();
  if (copy && trackCodec) {
    const source = new EncodedAudioPacketSource(trackCodec);
    output.addAudioTrack(source, { maximumPacketCount: copy.packetCount + 16 });
    return {
      sound: 'copied',
      async run() {
        await copyAudio(track, copy, source, onProgress);
        source.close();
      },
    };
  }
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
  return {
    sound: 'encoded',
    async run() {
      await encodeAudio(plan, audio, track, source, onProgress);
      source.close();
    },
  };
}
