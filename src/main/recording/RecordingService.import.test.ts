import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import type { Take } from '@shared/media/takes';
import { fileNamesUnder, record, setup } from '../testing/libraryFixture';
import { chunksOf, ffprobeCodecs, ffprobeDuration, mediaFixture, videoPacketsHash } from '../testing/mediaFixtures';

/** The percent of each `recordings.onDidProgress` event, as the renderer would receive it. */
function onConvertProgress(deps: ReturnType<typeof setup>['deps'], listener: (percent: number) => void): void {
  deps.events.listen((channel, payload) => {
    if (channel.endsWith('recordings.onDidProgress')) listener((payload as { percent: number }).percent);
  });
}

describe('RecordingService imports', () => {
  it('imports playable files as takes with the right duration', async () => {
    const { recordings, lesson, clock } = setup();
    for (const [kind, mimeType, seconds] of [
      ['mp4', 'video/mp4', 2],
      ['webm', 'video/webm', 3],
      ['wav', 'audio/wav', 1],
    ] as const) {
      const { takeId } = recordings.start({
        lessonId: lesson.id,
        origin: 'imported',
        title: `lecture.${kind}`,
        tracks: [{ role: kind === 'wav' ? 'audio' : 'screen', mimeType }],
      });
      record(recordings, takeId, kind === 'wav' ? 'audio' : 'screen', chunksOf(mediaFixture(kind, seconds), 2), clock);
      const take: Take = await recordings.finish({ takeId, tracks: [] });
      expect(take.origin).toBe('imported');
      expect(take.durationMs / 1000).toBeCloseTo(seconds, 0);
    }
  });

  it('converts files in containers browsers cannot play (Matroska with H.264, MPEG-TS) into MP4 without re-encoding', async () => {
    const { recordings, lesson, clock } = setup();
    for (const kind of ['mkv-h264', 'mpegts'] as const) {
      const { takeId } = recordings.start({
        lessonId: lesson.id,
        origin: 'imported',
        tracks: [{ role: 'screen', mimeType: 'video/x-matroska' }],
      });
      record(recordings, takeId, 'screen', chunksOf(mediaFixture(kind, 2), 2), clock);
      const take = await recordings.finish({ takeId, tracks: [] });
      expect(take.files[0]).toMatchObject({ container: 'MP4', videoCodec: 'avc', audioCodec: 'aac' });
      expect(take.files[0]?.path).toMatch(/\/screen\.mp4$/);
      expect(take.durationMs / 1000).toBeCloseTo(2, 0);
    }
  });

  it('converts HEVC video, which browsers cannot play, into H.264 MP4 with the same duration, reporting progress', async () => {
    const { recordings, lesson, clock, deps } = setup();
    const progress: number[] = [];
    onConvertProgress(deps, (percent) => progress.push(percent));
    const { takeId } = recordings.start({
      lessonId: lesson.id,
      origin: 'imported',
      tracks: [{ role: 'screen', mimeType: 'video/mp4' }],
    });
    record(recordings, takeId, 'screen', chunksOf(mediaFixture('hevc', 2), 2), clock);
    const take = await recordings.finish({ takeId, tracks: [] });

    expect(take.files[0]).toMatchObject({
      container: 'MP4',
      videoCodec: 'avc',
      audioCodec: 'aac',
      width: 320,
      height: 180,
    });
    expect(take.files[0]?.path).toMatch(/\/screen\.mp4$/);
    expect(Math.abs(take.durationMs - 2000)).toBeLessThanOrEqual(200);
    const file = path.join(deps.mediaRoot, take.files[0]?.path ?? '');
    expect(ffprobeCodecs(file)).toEqual(['h264', 'aac']);
    expect(Math.abs(ffprobeDuration(file) - 2)).toBeLessThanOrEqual(0.2);
    expect(progress.at(-1)).toBe(100);
    expect(progress).toEqual([...progress].sort((a, b) => a - b));
    expect(fileNamesUnder(deps.mediaRoot)).toEqual(['screen.mp4']);
  });

  it('converts only the AC-3 sound of a Matroska file to AAC and copies its H.264 video as it is', async () => {
    const { recordings, lesson, clock, deps } = setup();
    const source = mediaFixture('ac3-audio', 2);
    const { takeId } = recordings.start({
      lessonId: lesson.id,
      origin: 'imported',
      tracks: [{ role: 'screen', mimeType: 'video/x-matroska' }],
    });
    record(recordings, takeId, 'screen', chunksOf(source, 2), clock);
    const take = await recordings.finish({ takeId, tracks: [] });

    expect(take.files[0]).toMatchObject({ container: 'MP4', videoCodec: 'avc', audioCodec: 'aac' });
    const file = path.join(deps.mediaRoot, take.files[0]?.path ?? '');
    expect(ffprobeCodecs(file)).toEqual(['h264', 'aac']);
    expect(videoPacketsHash(file)).toBe(videoPacketsHash(source));
    expect(Math.abs(take.durationMs - 2000)).toBeLessThanOrEqual(200);
  });

  it('stops a conversion when the import is discarded, leaving no file and no take', async () => {
    const { recordings, lesson, clock, deps } = setup();
    const { takeId } = recordings.start({
      lessonId: lesson.id,
      origin: 'imported',
      tracks: [{ role: 'screen', mimeType: 'video/mp4' }],
    });
    record(recordings, takeId, 'screen', chunksOf(mediaFixture('hevc', 8), 2), clock);
    const started = new Promise<number>((resolve) => onConvertProgress(deps, resolve));
    const finishing = recordings.finish({ takeId, tracks: [] });
    const outcome = finishing.then(
      () => 'finished',
      (error: unknown) => (error as Error).message,
    );
    expect(await started).toBeLessThan(100);
    await recordings.discard({ takeId });

    expect(await outcome).toBe('The conversion was cancelled');
    expect(fileNamesUnder(deps.mediaRoot)).toEqual([]);
    expect(deps.db.prepare('SELECT COUNT(*) AS n FROM takes').get()).toEqual({ n: 0 });
  });

  it.each([
    [
      'a text file renamed .mp4',
      new TextEncoder().encode('this is not a video, just some notes\n'.repeat(50)),
      /not a video or audio file/,
    ],
    ['a truncated file', fs.readFileSync(mediaFixture('mp4', 2)).subarray(0, 3000), /not a video or audio file/],
    ['a zero-byte file', new Uint8Array(0), /not a video or audio file the studio can read: it is empty/],
  ])('refuses %s and leaves nothing half-made behind', async (_name, bytes, message) => {
    const { recordings, lesson, deps } = setup();
    const { takeId } = recordings.start({
      lessonId: lesson.id,
      origin: 'imported',
      tracks: [{ role: 'screen', mimeType: 'video/mp4' }],
    });
    if (bytes.byteLength > 0) recordings.appendChunk({ takeId, role: 'screen', index: 0, atMs: 0, data: bytes });
    await expect(recordings.finish({ takeId, tracks: [] })).rejects.toThrow(message);
    expect(deps.db.prepare('SELECT COUNT(*) AS n FROM takes').get()).toEqual({ n: 0 });
    expect(fileNamesUnder(deps.mediaRoot)).toEqual([]);
  });
});
