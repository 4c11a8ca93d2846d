import fs from 'node:fs';
import {
  ALL_FORMATS,
  Conversion,
  FilePathSource,
  FilePathTarget,
  Input,
  Mp4OutputFormat,
  Output,
  WebMOutputFormat,
  type InputFormat,
} from 'mediabunny';
import { StudioError } from '@shared/contract/result';
import { containerOf, planPlayable } from './playableContainer';
import { transcodeToMp4, type TranscodeProgress } from './transcode';
import { DiskFullError, isDiskFull } from '../rpc/storageErrors';

export interface MediaFacts {
  container: string;
  videoCodec: string | null;
  audioCodec: string | null;
  width: number | null;
  height: number | null;
  frameRate: number | null;
  durationMs: number;
  sizeBytes: number;
}

const NOT_MEDIA = 'This file is not a video or audio file the studio can read';

/** Reads a media file's facts without decoding it; refuses anything that is not readable media. */
export async function probeMedia(file: string): Promise<MediaFacts> {
  const sizeBytes = fs.statSync(file).size;
  if (sizeBytes === 0) throw new StudioError('invalid_input', `${NOT_MEDIA}: it is empty`);
  const input = new Input({ source: new FilePathSource(file), formats: ALL_FORMATS });
  try {
    let format: InputFormat;
    try {
      format = await input.getFormat();
    } catch {
      throw new StudioError('invalid_input', NOT_MEDIA);
    }
    const [video, audio] = await Promise.all([input.getPrimaryVideoTrack(), input.getPrimaryAudioTrack()]);
    if (!video && !audio) throw new StudioError('invalid_input', `${NOT_MEDIA}: it has no video or audio track`);
    const durationMs = Math.round((await input.computeDuration()) * 1000);
    if (!(durationMs > 0)) throw new StudioError('invalid_input', `${NOT_MEDIA}: it is truncated or holds no frames`);
    const stats = video ? await video.computePacketStats(120) : null;
    return {
      container: format.name,
      videoCodec: video ? await video.getCodec() : null,
      audioCodec: audio ? await audio.getCodec() : null,
      width: video ? await video.getDisplayWidth() : null,
      height: video ? await video.getDisplayHeight() : null,
      frameRate: stats ? Math.round(stats.averagePacketRate * 100) / 100 : null,
      durationMs,
      sizeBytes,
    };
  } catch (error) {
    if (error instanceof StudioError) throw error;
    throw new StudioError('invalid_input', `${NOT_MEDIA}: ${(error as Error).message}`);
  } finally {
    input.dispose();
  }
}

export interface PlayableOptions {
  /** Stops a conversion; remuxing and copying are quick and run to the end. */
  signal?: AbortSignal;
  /** Called while converting (only then: remuxing is over in moments). */
  onConvertProgress?: (progress: TranscodeProgress) => void;
}

/**
 * Rewrites a recorded or imported file into a plain, seekable one every learner's browser plays, without
 * re-encoding where it can: MediaRecorder's WebM has no duration or cues and its MP4 is fragmented; Matroska with
 * H.264 or an MPEG transport stream becomes MP4; audio files browsers play are copied. A codec no browser plays
 * (HEVC, ProRes, AC-3, PCM in MOV…) is converted to H.264/AAC MP4 by ffmpeg.wasm, copying the stream that is fine.
 * Answers the finished file's path: `targetBase` plus the extension of what it now is.
 */
export async function remuxToPlayable(
  source: string,
  targetBase: string,
  options: PlayableOptions = {},
): Promise<string> {
  if (fs.statSync(source).size === 0) throw new StudioError('invalid_input', `${NOT_MEDIA}: it is empty`);
  const input = new Input({ source: new FilePathSource(source), formats: ALL_FORMATS });
  let target: string | null = null;
  try {
    const format = await input.getFormat().catch(() => {
      throw new StudioError('invalid_input', NOT_MEDIA);
    });
    const [video, audio] = await Promise.all([input.getPrimaryVideoTrack(), input.getPrimaryAudioTrack()]);
    // A track mediabunny finds but cannot name (ProRes, say) is 'unknown', so it is converted rather than dropped.
    const codecOf = (track: { codec: string | null } | null) => (track ? (track.codec ?? 'unknown') : null);
    const plan = planPlayable({
      container: containerOf(format.name),
      videoCodec: codecOf(video),
      audioCodec: codecOf(audio),
    });
    if (plan.kind === 'notMedia')
      throw new StudioError('invalid_input', `${NOT_MEDIA}: it has no video or audio track`);
    if (plan.kind === 'transcode') {
      target = `${targetBase}.mp4`;
      const durationMs = Math.round((await input.computeDuration()) * 1000);
      await transcodeToMp4(source, target, {
        video: plan.video,
        audio: plan.audio,
        durationMs,
        signal: options.signal,
        onProgress: options.onConvertProgress,
      });
      return target;
    }
    if (plan.kind === 'copy') {
      target = `${targetBase}.${plan.extension}`;
      fs.copyFileSync(source, target);
      return target;
    }
    target = `${targetBase}.${plan.container}`;
    const outputFormat = plan.container === 'webm' ? new WebMOutputFormat() : new Mp4OutputFormat({ fastStart: false });
    const output = new Output({ format: outputFormat, target: new FilePathTarget(target) });
    const conversion = await Conversion.init({ input, output });
    if (!conversion.isValid)
      throw new StudioError(
        'invalid_input',
        `${NOT_MEDIA}: ${conversion.discardedTracks.map((track) => track.reason).join(', ')}`,
      );
    await conversion.execute();
    return target;
  } catch (error) {
    if (target) fs.rmSync(target, { force: true });
    // A full disk is not a bad file: the caller says so in its own words, and a recording stays recoverable.
    if (isDiskFull(error)) throw new DiskFullError();
    throw error instanceof StudioError
      ? error
      : new StudioError('invalid_input', `${NOT_MEDIA}: ${(error as Error).message}`);
  } finally {
    input.dispose();
  }
}
