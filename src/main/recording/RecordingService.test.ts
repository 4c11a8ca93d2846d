import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { fileNamesUnder, record, setup } from '../testing/libraryFixture';
import {
  chunksOf,
  ffprobeDuration,
  ffprobeVideoDuration,
  mediaFixture,
  videoPacketsHash,
} from '../testing/mediaFixtures';
import { RecordingService } from './RecordingService';

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
    expect(fileNamesUnder(deps.mediaRoot).sort()).toEqual(['camera.webm', 'screen.mp4']);
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
    expect(fileNamesUnder(deps.mediaRoot)).toEqual(['screen.webm']);
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
    expect(fileNamesUnder(first.deps.mediaRoot)).toEqual(['screen.mp4']);
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
    expect(fileNamesUnder(deps.mediaRoot)).toEqual(['screen.webm']);
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
    expect(fileNamesUnder(deps.mediaRoot)).toEqual([]);
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
    expect(fileNamesUnder(deps.mediaRoot)).toEqual([]);
    expect(deps.db.prepare('SELECT COUNT(*) AS n FROM takes').get()).toEqual({ n: 0 });
  });
});
