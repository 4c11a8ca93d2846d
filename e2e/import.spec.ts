import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { test, expect } from './fixtures';
import { LessonPage } from './pages/LessonPage';
import { listTakes, seedLesson } from './support/rpc';
import { ffprobe, filesUnder, makeTestPatternClip } from './support/media';

let clips: string;

test.beforeAll(() => {
  clips = fs.mkdtempSync(path.join(os.tmpdir(), 'flipside-clips-'));
  makeTestPatternClip(path.join(clips, 'Pendulum demo.mp4'), 2, 'mp4');
  makeTestPatternClip(path.join(clips, 'Lab safety.webm'), 3, 'webm');
  fs.writeFileSync(path.join(clips, 'notes.mp4'), 'These are my notes, not a video.\n'.repeat(50));
  fs.writeFileSync(
    path.join(clips, 'broken.mp4'),
    fs.readFileSync(path.join(clips, 'Pendulum demo.mp4')).subarray(0, 3000),
  );
  fs.writeFileSync(path.join(clips, 'empty.mp4'), '');
  // HEVC, which browsers cannot play: short and small so ffmpeg.wasm converts it in a few seconds.
  execFileSync('ffmpeg', [
    '-v',
    'error',
    '-y',
    '-f',
    'lavfi',
    '-i',
    'testsrc2=size=320x180:rate=30:duration=2',
    '-f',
    'lavfi',
    '-i',
    'sine=frequency=440:sample_rate=48000:duration=2',
    '-c:v',
    'libx265',
    '-preset',
    'ultrafast',
    '-x265-params',
    'log-level=error',
    '-tag:v',
    'hvc1',
    '-c:a',
    'aac',
    '-shortest',
    path.join(clips, 'Phone lecture.mp4'),
  ]);
});

test.afterAll(() => fs.rmSync(clips, { recursive: true, force: true }));

test('a teacher imports videos they already have; files that are not media are refused and leave nothing', async ({
  page,
  host,
}) => {
  const { lessonId } = await seedLesson(host, 'Physics 101', 'Oscillations');
  const lesson = new LessonPage(page);
  await lesson.goto(host.url, lessonId, 'Oscillations');

  for (const [name, seconds] of [
    ['Pendulum demo', 2],
    ['Lab safety', 3],
  ] as const) {
    await lesson.importFile(path.join(clips, `${name}.${name === 'Lab safety' ? 'webm' : 'mp4'}`));
    await expect(lesson.take(name)).toBeVisible();
    await expect(lesson.take(name)).toContainText('Imported');
    const take = (await listTakes(host, lessonId)).find((candidate) => candidate.title === name);
    expect(take?.origin).toBe('imported');
    expect(Math.abs((take?.durationMs ?? 0) - seconds * 1000), `${name} duration`).toBeLessThanOrEqual(200);
  }
  await lesson.expectPlays();

  const mediaBefore = filesUnder(path.join(host.dataDir, 'media')).sort();
  for (const [file, reason] of [
    ['notes.mp4', 'This file is not a video or audio file the studio can read'],
    ['broken.mp4', 'This file is not a video or audio file the studio can read'],
    ['empty.mp4', 'This file is not a video or audio file the studio can read'],
  ] as const) {
    await lesson.importFile(path.join(clips, file));
    await expect(lesson.refusal()).toContainText(`“${file}” was not imported. ${reason}`);
    await page.getByRole('alert').getByRole('button', { name: 'Dismiss' }).click();
    expect(filesUnder(path.join(host.dataDir, 'media')).sort()).toEqual(mediaBefore);
  }
  expect((await listTakes(host, lessonId)).map((take) => take.title)).toEqual(['Pendulum demo', 'Lab safety']);
  await expect(lesson.takes.getByRole('listitem')).toHaveCount(2);
});

test('a video browsers cannot play (HEVC) is converted on import, showing its progress, and plays', async ({
  page,
  host,
}) => {
  const { lessonId } = await seedLesson(host, 'Physics 101', 'Waves');
  const lesson = new LessonPage(page);
  await lesson.goto(host.url, lessonId, 'Waves');

  await lesson.importFile(path.join(clips, 'Phone lecture.mp4'));
  await expect(page.getByText(/^Converting “Phone lecture\.mp4”… \d+%$/)).toBeVisible();
  await expect(page.getByRole('button', { name: 'Cancel' })).toBeEnabled();
  await expect(lesson.take('Phone lecture')).toBeVisible({ timeout: 30_000 });
  await expect(page.getByText(/Converting/)).toHaveCount(0);

  const [take] = await listTakes(host, lessonId);
  expect(take).toMatchObject({
    origin: 'imported',
    files: [{ container: 'MP4', videoCodec: 'avc', audioCodec: 'aac' }],
  });
  expect(Math.abs((take?.durationMs ?? 0) - 2000)).toBeLessThanOrEqual(200);
  const probe = ffprobe(path.join(host.dataDir, 'media', take?.files[0]?.path ?? ''));
  expect(probe.streams.map((stream) => stream.codec_name)).toEqual(['h264', 'aac']);
  await lesson.expectPlays();
});
