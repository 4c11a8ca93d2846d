import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';

export type FixtureKind = 'fragmented-mp4' | 'webm' | 'mp4' | 'wav' | 'mkv-h264' | 'mpegts' | 'hevc' | 'ac3-audio';

const ARGS: Record<FixtureKind, string[]> = {
  // What Chromium's MediaRecorder makes with video/mp4;codecs=avc1,opus: fragmented, keyframe every second.
  'fragmented-mp4': [
    '-c:v',
    'libx264',
    '-preset',
    'ultrafast',
    '-g',
    '30',
    '-c:a',
    'libopus',
    '-movflags',
    'frag_keyframe+empty_moov+default_base_moof',
    '-f',
    'mp4',
  ],
  webm: ['-c:v', 'libvpx', '-deadline', 'realtime', '-b:v', '300k', '-g', '30', '-c:a', 'libopus', '-f', 'webm'],
  mp4: ['-c:v', 'libx264', '-preset', 'ultrafast', '-c:a', 'aac', '-movflags', '+faststart', '-f', 'mp4'],
  wav: ['-vn', '-c:a', 'pcm_s16le', '-f', 'wav'],
  // Files teachers bring from other tools: H.264 in Matroska or a transport stream (playable once remuxed)...
  'mkv-h264': ['-c:v', 'libx264', '-preset', 'ultrafast', '-c:a', 'aac', '-f', 'matroska'],
  mpegts: ['-c:v', 'libx264', '-preset', 'ultrafast', '-c:a', 'aac', '-f', 'mpegts'],
  // ...and codecs no browser decodes.
  hevc: [
    '-c:v',
    'libx265',
    '-preset',
    'ultrafast',
    '-x265-params',
    'log-level=error',
    '-c:a',
    'aac',
    '-tag:v',
    'hvc1',
    '-f',
    'mp4',
  ],
  'ac3-audio': ['-c:v', 'libx264', '-preset', 'ultrafast', '-c:a', 'ac3', '-f', 'matroska'],
};

const EXTENSIONS: Record<FixtureKind, string> = {
  'fragmented-mp4': 'mp4',
  webm: 'webm',
  mp4: 'mp4',
  wav: 'wav',
  'mkv-h264': 'mkv',
  mpegts: 'ts',
  hevc: 'mp4',
  'ac3-audio': 'mkv',
};

const cache = new Map<string, string>();
const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'flipside-fixtures-'));
process.once('exit', () => fs.rmSync(dir, { recursive: true, force: true }));

/** A small real media file made by ffmpeg's test sources (never downloaded), cached for the test run. */
export function mediaFixture(kind: FixtureKind, seconds = 2): string {
  const key = `${kind}-${seconds}`;
  const cached = cache.get(key);
  if (cached) return cached;
  const file = path.join(dir, `${key}.${EXTENSIONS[kind]}`);
  execFileSync('ffmpeg', [
    '-loglevel',
    'error',
    '-y',
    '-f',
    'lavfi',
    '-i',
    'testsrc2=size=320x180:rate=30',
    '-f',
    'lavfi',
    '-i',
    'sine=frequency=440:sample_rate=48000',
    '-t',
    String(seconds),
    ...ARGS[kind],
    file,
  ]);
  cache.set(key, file);
  return file;
}

/** The file cut into chunks the way MediaRecorder's timeslice would deliver them. */
export function chunksOf(file: string, count: number): Uint8Array<ArrayBuffer>[] {
  const bytes = fs.readFileSync(file);
  const size = Math.ceil(bytes.length / count);
  return Array.from({ length: count }, (_, index) => new Uint8Array(bytes.subarray(index * size, (index + 1) * size)));
}

/** Duration in seconds as ffprobe, an independent reader, sees it. */
export function ffprobeDuration(file: string): number {
  const out = execFileSync(
    'ffprobe',
    ['-v', 'error', '-show_entries', 'format=duration', '-of', 'default=nw=1:nk=1', file],
    { encoding: 'utf8' },
  );
  return Number(out.trim());
}

/** How long a file's first video track is, as ffprobe reads it (an MP4's track duration, which can fall short of the file's). */
export function ffprobeVideoDuration(file: string): number {
  const out = execFileSync(
    'ffprobe',
    ['-v', 'error', '-select_streams', 'v:0', '-show_entries', 'stream=duration', '-of', 'default=nw=1:nk=1', file],
    { encoding: 'utf8' },
  );
  return Number(out.trim());
}

/** Codec names of a file's streams, in order, as ffprobe sees them. */
export function ffprobeCodecs(file: string): string[] {
  const out = execFileSync(
    'ffprobe',
    ['-v', 'error', '-show_entries', 'stream=codec_name', '-of', 'default=nw=1:nk=1', file],
    { encoding: 'utf8' },
  );
  return out.trim().split('\n');
}

/** A hash of the video packets' bytes: equal for two files only if the video was copied, not re-encoded. */
export function videoPacketsHash(file: string): string {
  return execFileSync('ffmpeg', ['-v', 'error', '-i', file, '-map', '0:v:0', '-c', 'copy', '-f', 'hash', '-'], {
    encoding: 'utf8',
  }).trim();
}
