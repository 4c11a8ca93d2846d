import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { tempDir } from '../testing/tempStudio';
import { mediaFixture } from '../testing/mediaFixtures';
import { CONVERSION_CANCELLED, transcodeToMp4 } from './transcode';

describe('transcodeToMp4', () => {
  it('names the cause when ffmpeg cannot convert a file and leaves no output behind', async () => {
    const dir = tempDir();
    const source = path.join(dir, 'notes.mov');
    fs.writeFileSync(source, 'not a movie at all\n'.repeat(100));
    const target = path.join(dir, 'out.mp4');
    await expect(
      transcodeToMp4(source, target, { video: 'encode', audio: 'encode', durationMs: 1000 }),
    ).rejects.toThrow(/^Converting it failed: .*Invalid data found/);
    expect(fs.readdirSync(dir)).toEqual(['notes.mov']);
  });

  it('does not start when already cancelled: nothing is written', async () => {
    const dir = tempDir();
    const source = path.join(dir, 'lecture.mkv');
    fs.copyFileSync(mediaFixture('hevc', 2), source);
    const controller = new AbortController();
    controller.abort();
    await expect(
      transcodeToMp4(source, path.join(dir, 'out.mp4'), {
        video: 'encode',
        audio: null,
        durationMs: 2000,
        signal: controller.signal,
      }),
    ).rejects.toMatchObject({ name: 'AbortError' });
    expect(fs.readdirSync(dir)).toEqual(['lecture.mkv']);
  });

  it('stops a conversion that is under way and removes what it had written', async () => {
    const dir = tempDir();
    const source = path.join(dir, 'lecture.mkv');
    fs.copyFileSync(mediaFixture('hevc', 8), source);
    const controller = new AbortController();
    const converting = transcodeToMp4(source, path.join(dir, 'out.mp4'), {
      video: 'encode',
      audio: null,
      durationMs: 8000,
      signal: controller.signal,
      onProgress: () => controller.abort(),
    });
    await expect(converting).rejects.toThrow(CONVERSION_CANCELLED);
    expect(fs.readdirSync(dir)).toEqual(['lecture.mkv']);
  });
});
