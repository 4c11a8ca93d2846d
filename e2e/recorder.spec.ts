import path from 'node:path';
import { FAKE_MEDIA_LAUNCH } from './chromium';
import { test, expect } from './fixtures';
import { LessonPage } from './pages/LessonPage';
import { RecorderPage } from './pages/RecorderPage';
import { listTakes, seedLesson } from './support/rpc';
import { ffprobe } from './support/media';

test.use({ launchOptions: FAKE_MEDIA_LAUNCH });

test('a teacher records screen and camera with a pause, and the take plays', async ({ page, context, host }) => {
  await context.grantPermissions(['camera', 'microphone'], { origin: host.origin });
  const { lessonId } = await seedLesson(host);
  const recorder = new RecorderPage(page);
  const lesson = new LessonPage(page);

  await lesson.goto(host.url, lessonId, 'Forces');
  await expect(page.getByRole('heading', { name: 'No recordings yet' })).toBeVisible();
  await page.getByRole('link', { name: 'Record' }).click();
  await expect(recorder.panel.getByRole('button', { name: 'Record', exact: true })).toBeVisible();

  await recorder.chooseMode('Screen + camera');
  await recorder.expectCameraLive();
  await recorder.chooseScreen();
  await recorder.setCountdown(false);

  await recorder.record();
  await recorder.recordUntil(5000);
  await recorder.pause();
  // Paused time is not recorded: the clock stands still while paused.
  const atPause = await recorder.frozenElapsedMs();
  expect(atPause).toBeGreaterThan(4900);
  await page.waitForTimeout(2000);
  expect(await recorder.elapsedMs()).toBe(atPause);
  await recorder.resume();
  await recorder.recordUntil(atPause + 2000);
  // Which clock is fair? Not the test's own waits (5 s + 2 s): each click takes 0.1-0.7 s to reach the page
  // here, and that time is recorded too. The session's clock starts, pauses and stops at the very calls that
  // start, pause and stop the MediaRecorders, so it measures what the files should hold. It can only be read
  // exactly while it stands still, so the take ends with a short pause before Stop (stopping from paused is
  // what a teacher who pauses to think and then decides they are done does anyway).
  await recorder.pause();
  const recordedMs = await recorder.frozenElapsedMs();
  expect(recordedMs).toBeGreaterThan(atPause + 1900);
  await recorder.stop();

  await lesson.expectOpen('Forces');
  // Its length is checked against the session's clock below; a busy machine records longer than the waits.
  await expect(page.getByRole('alertdialog', { name: /^Recording saved \(\d+:\d\d\)$/ })).toBeVisible();
  const [take] = await listTakes(host, lessonId);
  expect(take).toBeDefined();
  if (!take) return;
  expect(take.active).toBe(true);
  expect(take.files.map((file) => file.role).sort()).toEqual(['camera', 'screen']);
  expect(
    Math.abs(take.durationMs - recordedMs),
    `take ${take.durationMs} ms, session clock ${recordedMs} ms`,
  ).toBeLessThanOrEqual(300);

  for (const file of take.files) {
    const probe = ffprobe(path.join(host.dataDir, 'media', file.path));
    expect(probe.durationS, `${file.role} duration (ffprobe)`).toBeGreaterThan(6);
    expect(
      Math.abs(probe.durationS * 1000 - file.durationMs),
      `${file.role}: ffprobe agrees with the studio`,
    ).toBeLessThanOrEqual(300);
    expect(probe.streams.some((stream) => stream.codec_type === 'video')).toBe(true);
  }
  // The microphone rides with the screen file.
  const screenFile = take.files.find((file) => file.role === 'screen');
  expect(
    screenFile &&
      ffprobe(path.join(host.dataDir, 'media', screenFile.path)).streams.some(
        (stream) => stream.codec_type === 'audio',
      ),
  ).toBe(true);

  await expect(lesson.take(take.title)).toContainText('Used in the lesson');
  await expect(lesson.camera, 'the camera drawn as the bubble over the screen').toBeVisible();
  await lesson.expectPlays();
});
