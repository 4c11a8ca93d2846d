import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { tempDir } from '../testing/tempStudio';
import { transcodeToMp4 } from './transcode';

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

  it('does not start when already cancelled', async () => {
    const dir = tempDir();
    const controller = new AbortController();
    controller.abort();
    await expect(
      transcodeToMp4(path.join(dir, 'x'), path.join(dir, 'out.mp4'), {
        video: 'encode',
        audio: null,
        durationMs: 1000,
        signal: controller.signal,
      }),
    ).rejects.toThrow();
    expect(fs.readdirSync(dir)).toEqual([]);
  });
});
