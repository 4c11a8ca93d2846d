import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import type { Take } from '@shared/media/takes';
import { ProjectsService } from '../library/ProjectsService';
import { setup, record } from '../testing/libraryFixture';
import {
  chunksOf,
  ffprobeCodecs,
  ffprobeDuration,
  ffprobeVideoDuration,
  mediaFixture,
  videoPacketsHash,
} from '../testing/mediaFixtures';
import { RecordingService } from './RecordingService';

const mediaFiles = (mediaRoot: string) =>
  fs.existsSync(mediaRoot)
    ? fs
        .readdirSync(mediaRoot, { recursive: true, withFileTypes: true })
        .filter((e) => e.isFile())
        .map((e) => e.name)
    : [];

/** The percent of each `recordings.onDidProgress` event, as the renderer would receive it. */
function onConvertProgress(deps: ReturnType<typeof setup>['deps'], listener: (percent: number) => void): void {
  deps.events.listen((channel, payload) => {
    if (channel.endsWith('recordings.onDidProgress')) listener((payload as { percent: number }).percent);
  });
}

describe('RecordingService', () => {
  it('records screen and camera as separate files on one clock and finishes a playable take', async () => {
    const { recordings, lesson, clock, deps } = setup();
    const { takeId } = recordings.start({
      lessonId: lesson.id,
      origin: 'recorded',
      tracks: [
        { role: 'screen', mimeType: 'video/mp4;codecs=avc1,opus' },
        { role: 'camera', mimeType: 'video/webm;codecs=vp8,opus' },
      ],
    });
    record(recordings, takeId, 'screen', chunksOf(mediaFixture('fragmented-mp4', 3), 3), clock);
    record(recordings, takeId, 'camera', chunksOf(mediaFixture('webm', 3), 3), { now: clock.now });
    const take = await recordings.finish({
      takeId,
      tracks: [
        { role: 'screen', startOffsetMs: 0 },
        { role: 'camera', startOffsetMs: 40 },
      ],
    });

    expect(take).toMatchObject({ status: 'ready', origin: 'recorded', title: 'Recording 1', active: true });
    const [screen, camera] = take.files;
    expect(screen).toMatchObject({
      role: 'screen',
      container: 'MP4',
      videoCodec: 'avc',
      audioCodec: 'opus',
      width: 320,
      height: 180,
      startOffsetMs: 0,
    });
    expect(camera).toMatchObject({ role: 'camera', container: 'WebM', videoCodec: 'vp8', startOffsetMs: 40 });
    expect(screen?.frameRate).toBeCloseTo(30, 0);
    expect(take.durationMs).toBeGreaterThanOrEqual(2950);
    for (const file of take.files) {
      const full = path.join(deps.mediaRoot, file.path);
      expect(ffprobeDuration(full)).toBeCloseTo(3, 0);
      expect(file.sizeBytes).toBe(fs.statSync(full).size);
    }
    expect(mediaFiles(deps.mediaRoot).sort()).toEqual(['camera.webm', 'screen.mp4']);
  });

  it.each([
    ['alone', []],
    ['with the microphone riding in its file', ['-f', 'lavfi', '-t', '4', '-i', 'sine=sample_rate=48000']],
  ])('holds a still screen’s last frame to Stop (%s), so every file of the take ends together', async (_, sound) => {
    const { recordings, lesson, clock, deps } = setup();
    // The screen stopped changing after 2 s, so MediaRecorder wrote no frames after it; the camera ran to 4 s.
    const stillScreen = path.join(fs.mkdtempSync(path.join(os.tmpdir(), 'flipside-still-')), 'screen.mp4');
    execFileSync('ffmpeg', [
      ...['-loglevel', 'error', '-y', '-f', 'lavfi', '-t', '2', '-i', 'testsrc2=size=320x180:rate=30', ...sound],
      ...['-c:v', 'libx264', '-preset', 'ultrafast', '-g', '30', '-c:a', 'libopus'],
      ...['-movflags', 'frag_keyframe+empty_moov+default_base_moof', '-f', 'mp4', stillScreen],
    ]);
    const { takeId } = recordings.start({
      lessonId: lesson.id,
      origin: 'recorded',
      tracks: [
        { role: 'screen', mimeType: 'video/mp4;codecs=avc1' },
        { role: 'camera', mimeType: 'video/webm;codecs=vp8,opus' },
      ],
    });
    record(recordings, takeId, 'screen', chunksOf(stillScreen, 2), clock);
    record(recordings, takeId, 'camera', chunksOf(mediaFixture('webm', 4), 3), { now: clock.now });
    const take = await recordings.finish({
      takeId,
      tracks: [
        { role: 'screen', startOffsetMs: 0 },
        { role: 'camera', startOffsetMs: 40 },
      ],
    });
    const ends = take.files.map((file) => file.startOffsetMs + file.durationMs);
    expect(Math.max(...ends) - Math.min(...ends)).toBeLessThanOrEqual(100);
    const screen = take.files.find((file) => file.role === 'screen');
    if (!screen) throw new Error('no screen file');
    expect(ffprobeVideoDuration(path.join(deps.mediaRoot, screen.path))).toBeCloseTo(4.04, 1);
    expect(screen.sizeBytes).toBe(fs.statSync(path.join(deps.mediaRoot, screen.path)).size);
    expect(take.durationMs).toBe(Math.max(...ends));
  });

  it('builds a recorded MP4’s finished file while its chunks arrive, so Stop only writes its index', async () => {
    const { recordings, lesson, clock, deps } = setup();
    const { takeId } = recordings.start({
      lessonId: lesson.id,
      origin: 'recorded',
      tracks: [{ role: 'screen', mimeType: 'video/mp4;codecs=avc1,opus' }],
    });
    const source = mediaFixture('fragmented-mp4', 3);
    record(recordings, takeId, 'screen', chunksOf(source, 3), clock);
    const folder = path.join(deps.mediaRoot, lesson.projectId, takeId);
    // The media is already in the finished file before Stop; only the spool's few header bytes are not.
    expect(fs.statSync(path.join(folder, 'screen.mp4.part')).size).toBeGreaterThan(fs.statSync(source).size - 4096);

    const take = await recordings.finish({ takeId, tracks: [{ role: 'screen', startOffsetMs: 0 }] });
    expect(fs.readdirSync(folder)).toEqual(['screen.mp4']);
    expect(take.files[0]).toMatchObject({ container: 'MP4', videoCodec: 'avc', audioCodec: 'opus', width: 320 });
    expect(videoPacketsHash(path.join(folder, 'screen.mp4'))).toBe(videoPacketsHash(source));
  });

  it('remuxes a recording its chunks could not be built from (not the MP4 it was announced as) at Stop', async () => {
    const { recordings, lesson, clock, deps } = setup();
    const { takeId } = recordings.start({
      lessonId: lesson.id,
      origin: 'recorded',
      tracks: [{ role: 'screen', mimeType: 'video/mp4' }],
    });
    record(recordings, takeId, 'screen', chunksOf(mediaFixture('webm', 2), 2), clock);
    const take = await recordings.finish({ takeId, tracks: [] });
    expect(take.files[0]).toMatchObject({ container: 'WebM', videoCodec: 'vp8' });
    expect(mediaFiles(deps.mediaRoot)).toEqual(['screen.webm']);
  });

  it('refuses chunks for a take that is not open and names what to do', () => {
    const { recordings } = setup();
    expect(() =>
      recordings.appendChunk({
        takeId: '3f1b8f0e-8c1c-4f39-9a52-0b6f1f0f4a11',
        role: 'screen',
        index: 0,
        atMs: 0,
        data: new Uint8Array(1),
      }),
    ).toThrow(/recover it/);
  });

  it('offers an interrupted take only once its heartbeat is stale, and recovers it up to its last whole chunk', async () => {
    const first = setup();
    const { takeId } = first.recordings.start({
      lessonId: first.lesson.id,
      origin: 'recorded',
      tracks: [{ role: 'screen', mimeType: 'video/mp4' }],
    });
    const chunks = chunksOf(mediaFixture('fragmented-mp4', 4), 4);
    record(first.recordings, takeId, 'screen', chunks.slice(0, 3), first.clock);
    // The process dies mid-chunk: part of chunk 3 is on disk, its index line is not.
    const part = path.join(first.deps.mediaRoot, first.lesson.projectId, takeId, 'screen.part');
    fs.appendFileSync(part, chunks[3]?.subarray(0, 1000) ?? new Uint8Array());

    // Another process opens the library while the take is still fresh: it is not offered.
    const logged: string[] = [];
    const log = { info: (line: string) => logged.push(line), warn: (line: string) => logged.push(line) };
    const second = new RecordingService({ ...first.deps, log });
    expect(second.listInterrupted({})).toEqual([]);
    first.clock.now += 11_000;
    const [offered] = second.listInterrupted({});
    expect(offered).toMatchObject({ id: takeId, lessonTitle: 'Momentum', projectTitle: 'Physics', recordedMs: 3000 });

    const take = await second.recover({ takeId });
    expect(take).toMatchObject({ status: 'ready', origin: 'recovered', active: true });
    const file = path.join(first.deps.mediaRoot, take.files[0]?.path ?? '');
    expect(ffprobeDuration(file)).toBeGreaterThanOrEqual(2);
    expect(second.listInterrupted({})).toEqual([]);
    expect(fs.existsSync(part)).toBe(false);
    // Recovering builds the plain MP4 from the spool as recording does: only its index is written, nothing remuxed.
    expect(logged.join('\n')).toMatch(/Finished take .*screen index/);
    expect(logged.join('\n')).not.toMatch(/remux/);
    expect(mediaFiles(first.deps.mediaRoot)).toEqual(['screen.mp4']);
  });

  it('recovers the readable files of a take and drops one that cannot be read back', async () => {
    const { recordings, lesson, clock, deps } = setup();
    const { takeId } = recordings.start({
      lessonId: lesson.id,
      origin: 'recorded',
      tracks: [
        { role: 'screen', mimeType: 'video/webm' },
        { role: 'camera', mimeType: 'video/mp4' },
      ],
    });
    record(recordings, takeId, 'screen', chunksOf(mediaFixture('webm', 3), 3), clock);
    // The camera got as far as its header: an MP4 with no media in it.
    recordings.appendChunk({
      takeId,
      role: 'camera',
      index: 0,
      atMs: 1000,
      data: new Uint8Array(fs.readFileSync(mediaFixture('fragmented-mp4', 2)).subarray(0, 600)),
    });
    clock.now += 60_000;
    const take = await new RecordingService(deps).recover({ takeId });
    expect(take.files.map((file) => file.role)).toEqual(['screen']);
    expect(mediaFiles(deps.mediaRoot)).toEqual(['screen.webm']);
  });

  it('removes an interrupted take that has no bytes at all, saying so', async () => {
    const { recordings, lesson, clock, deps } = setup();
    const { takeId } = recordings.start({
      lessonId: lesson.id,
      origin: 'recorded',
      tracks: [{ role: 'screen', mimeType: 'video/webm' }],
    });
    clock.now += 60_000;
    const later = new RecordingService(deps);
    await expect(later.recover({ takeId })).rejects.toThrow(/nothing to recover/);
    expect(later.listInterrupted({})).toEqual([]);
    expect(mediaFiles(deps.mediaRoot)).toEqual([]);
  });

  it('discards a recording in progress with its files', async () => {
    const { recordings, lesson, clock, deps } = setup();
    const { takeId } = recordings.start({
      lessonId: lesson.id,
      origin: 'recorded',
      tracks: [{ role: 'screen', mimeType: 'video/webm' }],
    });
    record(recordings, takeId, 'screen', chunksOf(mediaFixture('webm', 2), 2), clock);
    await recordings.discard({ takeId });
    expect(mediaFiles(deps.mediaRoot)).toEqual([]);
    expect(deps.db.prepare('SELECT COUNT(*) AS n FROM takes').get()).toEqual({ n: 0 });
  });

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
    expect(mediaFiles(deps.mediaRoot)).toEqual(['screen.mp4']);
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
    expect(mediaFiles(deps.mediaRoot)).toEqual([]);
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
    expect(mediaFiles(deps.mediaRoot)).toEqual([]);
  });
});

describe('TakesService', () => {
  it('keeps every take of a lesson, switches the active one, and falls back when the active one is trashed', async () => {
    const { recordings, takes, lesson, clock } = setup();
    const finished: Take[] = [];
    for (let n = 0; n < 2; n += 1) {
      const { takeId } = recordings.start({
        lessonId: lesson.id,
        origin: 'recorded',
        tracks: [{ role: 'screen', mimeType: 'video/webm' }],
      });
      record(recordings, takeId, 'screen', chunksOf(mediaFixture('webm', 2), 2), clock);
      finished.push(await recordings.finish({ takeId, tracks: [] }));
    }
    const [first, second] = finished as [Take, Take];
    expect(takes.list({ lessonId: lesson.id, view: 'active' }).map((take) => [take.title, take.active])).toEqual([
      ['Recording 1', true],
      ['Recording 2', false],
    ]);
    takes.setActive({ id: second.id });
    takes.rename({ id: first.id, title: 'First try' });
    expect(takes.list({ lessonId: lesson.id, view: 'active' }).map((take) => [take.title, take.active])).toEqual([
      ['First try', false],
      ['Recording 2', true],
    ]);
    takes.trash({ id: second.id });
    expect(takes.list({ lessonId: lesson.id, view: 'active' }).map((take) => [take.title, take.active])).toEqual([
      ['First try', true],
    ]);
    expect(takes.list({ lessonId: lesson.id, view: 'trash' }).map((take) => take.id)).toEqual([second.id]);
  });

  it('deletes a trashed take and its files for good when the trash is emptied', async () => {
    const { recordings, takes, lesson, clock, deps } = setup();
    const { takeId } = recordings.start({
      lessonId: lesson.id,
      origin: 'recorded',
      tracks: [{ role: 'screen', mimeType: 'video/webm' }],
    });
    record(recordings, takeId, 'screen', chunksOf(mediaFixture('webm', 2), 2), clock);
    await recordings.finish({ takeId, tracks: [] });
    takes.trash({ id: takeId });
    const projects = new ProjectsService(deps);
    expect(projects.trashSummary({})).toEqual({ projects: 0, lessons: 0, takes: 1, projectTitles: [] });
    expect(projects.emptyTrash({})).toEqual({ projects: 0, lessons: 0, takes: 1 });
    expect(mediaFiles(deps.mediaRoot)).toEqual([]);
    expect(takes.list({ lessonId: lesson.id, view: 'trash' })).toEqual([]);
  });
});
