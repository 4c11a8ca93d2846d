import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { setup, record } from '../testing/libraryFixture';
import { chunksOf, mediaFixture } from '../testing/mediaFixtures';
import { RecordingService } from './RecordingService';

/** A take begun and fed chunks, then left as a process that was killed leaves it. */
function abandoned(origin: 'recorded' | 'imported') {
  const fixture = setup();
  const { takeId } = fixture.recordings.start({
    lessonId: fixture.lesson.id,
    origin,
    tracks: [{ role: 'screen', mimeType: 'video/webm' }],
  });
  record(fixture.recordings, takeId, 'screen', chunksOf(mediaFixture('webm', 3), 3), fixture.clock);
  fixture.clock.now += 60_000;
  const afterRestart = new RecordingService(fixture.deps);
  const folder = path.join(fixture.deps.mediaRoot, fixture.lesson.projectId, takeId);
  return { ...fixture, takeId, afterRestart, folder };
}

describe('an import that died', () => {
  it('is never offered as an interrupted recording, and the owner’s next start removes it', () => {
    const { afterRestart, folder, takeId } = abandoned('imported');
    expect(afterRestart.listInterrupted({})).toEqual([]);
    expect(fs.existsSync(folder)).toBe(true);
    expect(afterRestart.removeAbandonedImports()).toEqual([folder]);
    expect(fs.existsSync(folder)).toBe(false);
    return expect(afterRestart.recover({ takeId })).rejects.toThrow(/no longer exists/);
  });

  it('cannot be recovered even before it is cleaned up', async () => {
    const { afterRestart, takeId } = abandoned('imported');
    await expect(afterRestart.recover({ takeId })).rejects.toThrow(/not an interrupted recording/);
  });
});

describe('one take, one job at a time', () => {
  it('refuses to discard a recording while it is being recovered, and a second recovery', async () => {
    const { afterRestart, takeId } = abandoned('recorded');
    expect(afterRestart.listInterrupted({}).map((take) => take.id)).toEqual([takeId]);
    const recovering = afterRestart.recover({ takeId });
    await expect(afterRestart.discard({ takeId })).rejects.toThrow(/being recovered/);
    await expect(afterRestart.recover({ takeId })).rejects.toThrow(/already being/);
    expect(afterRestart.listInterrupted({})).toEqual([]);
    await expect(recovering).resolves.toMatchObject({ status: 'ready', origin: 'recovered' });
  });

  it('discarding a recording in progress stops it first, then removes it', async () => {
    const fixture = setup();
    const { takeId } = fixture.recordings.start({
      lessonId: fixture.lesson.id,
      origin: 'recorded',
      tracks: [{ role: 'screen', mimeType: 'video/webm' }],
    });
    record(fixture.recordings, takeId, 'screen', chunksOf(mediaFixture('webm', 2), 2), fixture.clock);
    await fixture.recordings.discard({ takeId });
    expect(fs.existsSync(path.join(fixture.deps.mediaRoot, fixture.lesson.projectId, takeId))).toBe(false);
    expect(() =>
      fixture.recordings.appendChunk({ takeId, role: 'screen', index: 2, atMs: 3000, data: new Uint8Array(1) }),
    ).toThrow(/not open any more/);
  });
});
