import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { holdLastFrameUntil } from './holdLastFrame';

const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'flipside-hold-'));

/** A recording whose picture stops at `videoS` (a still screen sends no frames) while its sound, if any, goes on. */
function shortVideo(name: string, videoS: number, soundS: number | null, codecArgs: string[]): string {
  const file = path.join(dir, name);
  const sound =
    soundS === null ? [] : ['-f', 'lavfi', '-t', String(soundS), '-i', 'sine=frequency=440:sample_rate=48000'];
  execFileSync('ffmpeg', [
    '-loglevel',
    'error',
    '-y',
    '-f',
    'lavfi',
    '-t',
    String(videoS),
    '-i',
    'testsrc2=size=320x180:rate=30',
    ...sound,
    ...codecArgs,
    file,
  ]);
  return file;
}

/** Each stream's packets as ffprobe reads them: how many, and where the last one ends, in seconds. */
function streams(file: string): Record<string, { packets: number; endS: number }> {
  const out = execFileSync('ffprobe', [
    '-v',
    'error',
    '-show_entries',
    'packet=stream_index,pts_time,duration_time:stream=index,codec_type',
    '-of',
    'json',
    file,
  ]).toString();
  const parsed = JSON.parse(out) as {
    packets: { stream_index: number; pts_time: string; duration_time?: string }[];
    streams: { index: number; codec_type: string }[];
  };
  const result: Record<string, { packets: number; endS: number }> = {};
  for (const stream of parsed.streams) {
    const mine = parsed.packets.filter((packet) => packet.stream_index === stream.index);
    const endS = Math.max(...mine.map((packet) => Number(packet.pts_time) + Number(packet.duration_time ?? 0)));
    result[stream.codec_type] = { packets: mine.length, endS };
  }
  return result;
}

function formatDurationS(file: string): number {
  return Number(
    execFileSync('ffprobe', ['-v', 'error', '-show_entries', 'format=duration', '-of', 'csv=p=0', file]).toString(),
  );
}

describe('holding the last frame of a still screen until Stop', () => {
  it('extends a WebM screen recording’s picture to the end, copying every packet as it was', async () => {
    const file = shortVideo('screen.webm', 2, null, [
      '-c:v',
      'libvpx',
      '-deadline',
      'realtime',
      '-g',
      '30',
      '-f',
      'webm',
    ]);
    const before = streams(file);
    expect(await holdLastFrameUntil(file, 5)).toBe(true);
    // A WebM block carries no duration of its own: the held frame lasts until the segment's end, which players honour.
    expect(streams(file).video?.packets).toBe(before.video?.packets);
    expect(formatDurationS(file)).toBeCloseTo(5, 1);
  });

  it('brings an MP4’s picture level with its sound, which it leaves as it was', async () => {
    const file = shortVideo('screen.mp4', 2, 4, [
      '-c:v',
      'libx264',
      '-preset',
      'ultrafast',
      '-c:a',
      'aac',
      '-f',
      'mp4',
    ]);
    const before = streams(file);
    expect(before.video?.endS).toBeCloseTo(2, 1);
    expect(await holdLastFrameUntil(file, 4)).toBe(true);
    const after = streams(file);
    expect(after.video?.packets).toBe(before.video?.packets);
    expect(after.video?.endS).toBeCloseTo(4, 1);
    expect(after.audio?.packets).toBe(before.audio?.packets);
    expect(after.audio?.endS).toBeCloseTo(before.audio?.endS ?? 0, 2);
    expect(formatDurationS(file)).toBeCloseTo(4, 1);
  });

  it('leaves a file whose picture already reaches the end alone', async () => {
    const file = shortVideo('whole.webm', 3, null, ['-c:v', 'libvpx', '-deadline', 'realtime', '-f', 'webm']);
    const bytes = fs.readFileSync(file);
    expect(await holdLastFrameUntil(file, 3.05)).toBe(false);
    expect(fs.readFileSync(file).equals(bytes)).toBe(true);
    expect(fs.readdirSync(dir).filter((name) => name.endsWith('.part'))).toEqual([]);
  });
});
