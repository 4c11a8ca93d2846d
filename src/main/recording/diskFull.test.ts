import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { describe, expect, it, onTestFinished } from 'vitest';
import { setup } from '../testing/libraryFixture';
import { chunksOf, mediaFixture } from '../testing/mediaFixtures';
import { RecordingService } from './RecordingService';

/** A real small disk: a tmpfs of `size`, which needs root; elsewhere the test says why it cannot run. */
function smallDisk(size: string): string | null {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'flipside-fulldisk-'));
  try {
    execFileSync('mount', ['-t', 'tmpfs', '-o', `size=${size}`, 'tmpfs', dir], { stdio: 'ignore' });
  } catch {
    fs.rmSync(dir, { recursive: true, force: true });
    return null;
  }
  onTestFinished(() => {
    execFileSync('umount', ['-l', dir]);
    fs.rmSync(dir, { recursive: true, force: true });
  });
  return dir;
}

describe('a full disk while recording', () => {
  it('stops with a plain message and keeps every whole chunk written before it, offered for recovery', async (context) => {
    const disk = smallDisk('1m');
    if (!disk) {
      context.skip('mounting a small tmpfs needs root; this machine refused it');
      return;
    }
    const fixture = setup(disk);
    const { recordings, lesson, clock } = fixture;
    const { takeId } = recordings.start({
      lessonId: lesson.id,
      origin: 'recorded',
      tracks: [{ role: 'screen', mimeType: 'video/webm' }],
    });
    const chunks = chunksOf(mediaFixture('webm', 20), 40);
    let written = 0;
    let failure: unknown = null;
    for (const [index, data] of chunks.entries()) {
      clock.now += 1000;
      try {
        recordings.appendChunk({ takeId, role: 'screen', index, atMs: (index + 1) * 1000, data });
        written += 1;
      } catch (error) {
        failure = error;
        break;
      }
    }
    expect(written).toBeGreaterThan(2);
    expect(failure).toMatchObject({
      code: 'storage',
      message: expect.stringMatching(/^The disk is full\. Everything recorded until now is kept/),
    });

    // What reached the disk is offered and recovered after the restart that a teacher would do.
    clock.now += 60_000;
    const later = new RecordingService(fixture.deps);
    const [offered] = later.listInterrupted({});
    expect(offered?.recordedMs).toBe(written * 1000);
  });
});
