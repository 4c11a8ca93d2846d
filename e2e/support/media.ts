import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';

export interface Probe {
  durationS: number;
  /** `duration` is the stream's own where the container keeps one (MP4 does, WebM does not); `height` a picture's. */
  streams: { codec_type: string; codec_name: string; duration?: string; height?: number }[];
}

/** What ffprobe (not our own code) reads of a file: the independent check that a take really plays elsewhere. */
export function ffprobe(file: string): Probe {
  const out = execFileSync(
    '/usr/bin/ffprobe',
    ['-v', 'error', '-print_format', 'json', '-show_format', '-show_streams', file],
    { encoding: 'utf8' },
  );
  const parsed = JSON.parse(out) as {
    format: { duration?: string };
    streams: Probe['streams'];
  };
  return { durationS: Number(parsed.format.duration ?? NaN), streams: parsed.streams };
}

/** Every file under a folder, recursively (empty when the folder does not exist). */
export function filesUnder(folder: string): string[] {
  if (!fs.existsSync(folder)) return [];
  return fs
    .readdirSync(folder, { recursive: true, withFileTypes: true })
    .filter((entry) => entry.isFile())
    .map((entry) => path.join(entry.parentPath, entry.name));
}

/** The lavfi sources a test clip is made from: a picture and, for a clip with sound, an audio source. */
export interface ClipSource {
  readonly video: string;
  readonly audio?: string;
}

export interface ClipOptions {
  /** H.264 with AAC (the default), or VP8 with Opus for a WebM file. */
  readonly codec?: 'h264' | 'vp8';
  /** No B-frames and a keyframe every so many frames, as the recorder's MediaRecorder makes them. */
  readonly keyframeEvery?: number;
  /** No keyframes between those (none at scene cuts either): what the render's copy fast path needs. */
  readonly onlyThoseKeyframes?: boolean;
  readonly videoBitrate?: string;
  readonly audioBitrate?: string;
  /** The index before the media, as a file played while it downloads has it. */
  readonly faststart?: boolean;
  /** Ends with the shorter of picture and sound. */
  readonly shortest?: boolean;
}

/** Test clips made by ffmpeg's own sources, never downloaded (DESIGN.md, Tests). */
export function makeClip(file: string, source: ClipSource, options: ClipOptions = {}): void {
  const { keyframeEvery } = options;
  const video =
    options.codec === 'vp8'
      ? ['-c:v', 'libvpx', '-deadline', 'realtime']
      : [
          ...['-c:v', 'libx264', '-preset', 'ultrafast'],
          ...(keyframeEvery === undefined ? [] : ['-bf', '0', '-g', String(keyframeEvery)]),
          ...(keyframeEvery !== undefined && options.onlyThoseKeyframes
            ? ['-keyint_min', String(keyframeEvery), '-sc_threshold', '0']
            : []),
          ...['-pix_fmt', 'yuv420p'],
        ];
  const audio =
    source.audio === undefined
      ? ['-an']
      : [
          ...['-c:a', options.codec === 'vp8' ? 'libopus' : 'aac'],
          ...(options.audioBitrate === undefined ? [] : ['-b:a', options.audioBitrate]),
        ];
  execFileSync('ffmpeg', [
    ...['-v', 'error', '-y'],
    ...['-f', 'lavfi', '-i', source.video],
    ...(source.audio === undefined ? [] : ['-f', 'lavfi', '-i', source.audio]),
    ...video,
    ...(options.videoBitrate === undefined ? [] : ['-b:v', options.videoBitrate]),
    ...audio,
    ...(options.faststart ? ['-movflags', '+faststart'] : []),
    ...(options.shortest ? ['-shortest'] : []),
    file,
  ]);
}

/** A moving test pattern with a 440 Hz tone: an ordinary file a teacher might import. */
export function makeTestPatternClip(file: string, seconds: number, kind: 'mp4' | 'webm'): void {
  makeClip(
    file,
    {
      video: `testsrc2=size=320x240:rate=25:duration=${seconds}`,
      audio: `sine=frequency=440:sample_rate=48000:duration=${seconds}`,
    },
    kind === 'mp4' ? { shortest: true } : { codec: 'vp8', videoBitrate: '500k', shortest: true },
  );
}
