import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';

export interface Probe {
  durationS: number;
  /** `duration` is the stream's own where the container keeps one (MP4 does, WebM does not). */
  streams: { codec_type: string; codec_name: string; duration?: string }[];
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
    streams: { codec_type: string; codec_name: string; duration?: string }[];
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

/** Short test clips made by ffmpeg's own sources, never downloaded (DESIGN.md, Tests). */
export function makeClip(file: string, seconds: number, kind: 'mp4' | 'webm'): void {
  const codecs =
    kind === 'mp4'
      ? ['-c:v', 'libx264', '-preset', 'ultrafast', '-pix_fmt', 'yuv420p', '-c:a', 'aac']
      : ['-c:v', 'libvpx', '-deadline', 'realtime', '-b:v', '500k', '-c:a', 'libopus'];
  execFileSync('ffmpeg', [
    '-v',
    'error',
    '-y',
    '-f',
    'lavfi',
    '-i',
    `testsrc2=size=320x240:rate=25:duration=${seconds}`,
    '-f',
    'lavfi',
    '-i',
    `sine=frequency=440:sample_rate=48000:duration=${seconds}`,
    ...codecs,
    '-shortest',
    file,
  ]);
}
