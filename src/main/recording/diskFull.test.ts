import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { setup } from '../testing/libraryFixture';
import { fillUp, smallDisk } from '../testing/smallDisk';
import { spoolFilesOf, takeFolder } from './takeFiles';
import { chunksOf, mediaFixture } from '../testing/mediaFixtures';
import { RecordingService } from './RecordingService';

// The tests that make media with ffmpeg and remux a take get a minute: beside a full parallel run it took over 20 s.
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
    // The refused call's own chunk may have landed whole: the write that found the disk full can be the heartbeat's
    // database update after it. Either way nothing before it is lost, and nothing torn is offered.
    expect([written * 1000, (written + 1) * 1000]).toContain(offered?.recordedMs);
  }, 60_000);

  it('cuts a torn write back to the last whole chunk, so a chunk retried once there is room lands in its place', (context) => {
    const disk = smallDisk('1m');
    if (!disk) return context.skip('mounting a small tmpfs needs root; this machine refused it');
    const fixture = setup(disk);
    const { recordings, lesson, clock } = fixture;
    const { takeId } = recordings.start({
      lessonId: lesson.id,
      origin: 'recorded',
      tracks: [{ role: 'screen', mimeType: 'video/webm' }],
    });
    const chunks = chunksOf(mediaFixture('webm', 6), 6);
    const append = (index: number) => {
      clock.now += 1000;
      recordings.appendChunk({
        takeId,
        role: 'screen',
        index,
        atMs: (index + 1) * 1000,
        data: chunks[index] ?? new Uint8Array(),
      });
    };
    append(0);
    const free = fillUp(disk);
    expect(() => append(1)).toThrow(/^The disk is full/);
    free(512 * 1024);
    for (let index = 1; index < chunks.length; index += 1) append(index);

    const spool = spoolFilesOf(fixture.deps.mediaRoot, takeFolder(lesson.projectId, takeId), 'screen');
    expect(fs.readFileSync(spool.part).equals(Buffer.concat(chunks))).toBe(true);
    const offsets = fs
      .readFileSync(spool.index, 'utf8')
      .trim()
      .split('\n')
      .map((line) => Number(line.split(' ')[1]));
    expect(offsets).toEqual(chunks.map((_, index) => chunks.slice(0, index).reduce((sum, c) => sum + c.byteLength, 0)));
  });

  it('says the disk is full when finishing on a still-full disk, and keeps the take for recovery', async (context) => {
    const disk = smallDisk('1m');
    if (!disk) return context.skip('mounting a small tmpfs needs root; this machine refused it');
    const fixture = setup(disk);
    const { recordings, lesson, clock } = fixture;
    const { takeId } = recordings.start({
      lessonId: lesson.id,
      origin: 'recorded',
      tracks: [{ role: 'screen', mimeType: 'video/webm' }],
    });
    chunksOf(mediaFixture('webm', 4), 4).forEach((data, index) => {
      clock.now += 1000;
      recordings.appendChunk({ takeId, role: 'screen', index, atMs: (index + 1) * 1000, data });
    });
    fillUp(disk);
    await expect(recordings.finish({ takeId, tracks: [] })).rejects.toMatchObject({
      code: 'storage',
      message: expect.stringMatching(
        /^The disk is full, so the recording could not be finished\. Everything recorded is kept/,
      ) as unknown,
    });
    clock.now += 60_000;
    expect(new RecordingService(fixture.deps).listInterrupted({}).map((take) => take.id)).toEqual([takeId]);
    expect(fs.existsSync(path.join(fixture.deps.mediaRoot, lesson.projectId, takeId, 'screen.part'))).toBe(true);
  }, 60_000);
});
