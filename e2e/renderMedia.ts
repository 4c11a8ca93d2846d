import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { expect } from '@playwright/test';
import type { Render } from '../src/shared/media/renders';
import { makeClip } from './support/media';
import { rpc, type HostAddress } from './support/rpc';

/**
 * The A/V sync clip: black and silent, except a white frame and a 1 kHz beep starting together at every whole
 * second. H.264 with a keyframe exactly every second and no B-frames (what the copy fast path needs), AAC sound.
 */
export function makeSyncClip(file: string, seconds = 10, size = '640x360'): void {
  makeClip(
    file,
    {
      video: `color=c=black:s=${size}:r=30:d=${seconds},drawbox=x=0:y=0:w=iw:h=ih:color=white:t=fill:enable='eq(mod(n\\,30)\\,0)'`,
      audio: `sine=f=1000:sample_rate=48000:d=${seconds},volume='if(lt(mod(t\\,1)\\,0.1)\\,1\\,0)':eval=frame`,
    },
    { keyframeEvery: 30, onlyThoseKeyframes: true, audioBitrate: '128k', faststart: true, shortest: true },
  );
}

/** A camera-sized moving picture with no sound (the microphone rides with the screen). */
export function makeCameraClip(file: string, seconds = 10, size = '320x180'): void {
  makeClip(file, { video: `testsrc2=size=${size}:rate=30:duration=${seconds}` });
}

/** Sets the lesson's cuts (source ms) through the editor's own calls; answers the new revision. */
export async function setCuts(
  host: HostAddress,
  lessonId: string,
  cuts: { start: number; end: number }[],
): Promise<number> {
  const document = await rpc<{ takeId: string; revision: number; editList: Record<string, unknown> }>(
    host,
    'app:editor.open',
    { lessonId },
  );
  const { revision } = await rpc<{ revision: number }>(host, 'app:editor.apply', {
    takeId: document.takeId,
    baseRevision: document.revision,
    editList: { ...document.editList, cuts },
  });
  return revision;
}

/** The top-level MP4 boxes in file order, read from the bytes. */
export function topLevelBoxes(file: string): string[] {
  const fd = fs.openSync(file, 'r');
  const size = fs.fstatSync(fd).size;
  const header = Buffer.alloc(16);
  const boxes: string[] = [];
  try {
    for (let offset = 0; offset + 8 <= size;) {
      fs.readSync(fd, header, 0, 16, offset);
      let length = header.readUInt32BE(0);
      if (length === 1) length = Number(header.readBigUInt64BE(8));
      else if (length === 0) length = size - offset;
      boxes.push(header.toString('latin1', 4, 8));
      if (length < 8) break;
      offset += length;
    }
  } finally {
    fs.closeSync(fd);
  }
  return boxes;
}

/** Presentation times (s) of the frames that are mostly white: the flashes. */
export function flashTimes(file: string): number[] {
  const probe = execFileSync(
    'ffprobe',
    ['-v', 'error', '-select_streams', 'v:0', '-show_entries', 'frame=pts_time', '-of', 'json', file],
    { encoding: 'utf8', maxBuffer: 1 << 26 },
  );
  const times = (JSON.parse(probe) as { frames: { pts_time: string }[] }).frames.map((frame) => Number(frame.pts_time));
  const luma = execFileSync(
    'ffmpeg',
    [
      '-v',
      'error',
      '-i',
      file,
      '-map',
      '0:v:0',
      '-fps_mode',
      'passthrough',
      '-vf',
      'scale=16:9,format=gray',
      '-f',
      'rawvideo',
      '-',
    ],
    { maxBuffer: 1 << 28 },
  );
  const frame = 16 * 9;
  const flashes: number[] = [];
  for (let index = 0; index * frame < luma.length; index += 1) {
    const mean = luma.subarray(index * frame, (index + 1) * frame).reduce((sum, value) => sum + value, 0) / frame;
    if (mean > 128) flashes.push(times[index] ?? NaN);
  }
  return flashes;
}

/** Start times (s) of the beeps: the first loud sample after at least 0.3 s of quiet. */
export function beepOnsets(file: string): number[] {
  const start =
    Number(
      execFileSync(
        'ffprobe',
        ['-v', 'error', '-select_streams', 'a:0', '-show_entries', 'stream=start_time', '-of', 'csv=p=0', file],
        { encoding: 'utf8' },
      ).trim(),
    ) || 0;
  const pcm = execFileSync(
    'ffmpeg',
    ['-v', 'error', '-i', file, '-map', '0:a:0', '-ac', '1', '-ar', '48000', '-f', 's16le', '-'],
    { maxBuffer: 1 << 28 },
  );
  const onsets: number[] = [];
  let quiet = 48_000;
  for (let index = 0; index + 1 < pcm.length; index += 2) {
    if (Math.abs(pcm.readInt16LE(index)) > 1_000) {
      if (quiet >= 0.3 * 48_000) onsets.push(start + index / 2 / 48_000);
      quiet = 0;
    } else quiet += 1;
  }
  return onsets;
}

export function packetCount(file: string): number {
  return Number(
    execFileSync(
      'ffprobe',
      [
        '-v',
        'error',
        '-select_streams',
        'v:0',
        '-count_packets',
        '-show_entries',
        'stream=nb_read_packets',
        '-of',
        'csv=p=0',
        file,
      ],
      { encoding: 'utf8' },
    ).trim(),
  );
}

/** The lesson's one render and where its file is (the test expects exactly one). */
export async function onlyRender(
  host: { origin: string; token: string; dataDir: string },
  lessonId: string,
): Promise<{ render: Render; file: string }> {
  const renders = await rpc<Render[]>(host, 'app:renders.list', { lessonId });
  expect(renders).toHaveLength(1);
  const render = renders[0]!;
  return { render, file: path.join(host.dataDir, 'media', ...render.path.split('/')) };
}
