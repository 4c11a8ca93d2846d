import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { test, expect } from './fixtures';
import { unzip } from './lms/publishedLesson';
import { TestLms } from './lms/testLms';
import { PublishDialog } from './pages/PublishDialog';
import { PublishedLessonPage } from './pages/PublishedLessonPage';
import { ffprobe } from './support/media';
import { drawnAt } from './support/overlay';
import { rpc, seedLesson } from './support/rpc';
import { beepOnsets, flashTimes, makeSyncClip, packetCount, topLevelBoxes } from './renderMedia';
import { addTake } from './support/editorLesson';
import type { LessonDocument } from '../src/shared/editor/document';
import type { Render } from '../src/shared/media/renders';

/**
 * Publishing the recording itself, the player drawing the camera and callouts: no render, the cuts copied (only the
 * frames before the first keyframe after a cut re-encoded by the page's WebCodecs encoder), and in the learner's
 * browser the bubble and each callout at their lesson times.
 */
const shots = process.env.PUBLISH_SHOTS;
const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'flipside-publish-player-'));
test.afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

const HIGHLIGHT = '00000000-0000-4000-8000-0000000000c1';
const IN_CUT = '00000000-0000-4000-8000-0000000000c2';
// Source 2.000–3.517 s is cut: 3.517 is between keyframes (every second), so 3.533–3.967 are re-encoded.
const CUT = { start: 2_000, end: 3_517 };
const CUT_MS = CUT.end - CUT.start;
const LESSON_S = (10_000 - CUT_MS) / 1000;

function cameraClip(file: string): void {
  // As a recorder makes them: H.264 with no B-frames and a keyframe every second.
  execFileSync('ffmpeg', [
    ...['-v', 'error', '-y', '-f', 'lavfi', '-i', 'testsrc2=size=320x240:rate=30:duration=10'],
    ...['-c:v', 'libx264', '-preset', 'ultrafast', '-bf', '0', '-g', '30', '-pix_fmt', 'yuv420p', '-an', file],
  ]);
}

test('publish the recording with the camera drawn by the player: copied cuts, bubble and callouts at their times', async ({
  host,
  page,
}) => {
  test.setTimeout(180_000);
  const screen = path.join(dir, 'screen.mp4');
  const camera = path.join(dir, 'camera.mp4');
  makeSyncClip(screen);
  cameraClip(camera);
  const { lessonId, projectId } = await seedLesson(host, 'Physics', 'Forces');
  const take = await addTake(host, lessonId, { screen, camera });
  const document = await rpc<LessonDocument>(host, 'app:editor.open', { lessonId });
  const highlightBox = { x: 0.1, y: 0.1, w: 0.3, h: 0.3 };
  const inCutBox = { x: 0.5, y: 0.1, w: 0.3, h: 0.3 };
  await rpc(host, 'app:editor.apply', {
    takeId: take.id,
    baseRevision: document.revision,
    editList: { ...document.editList, cuts: [CUT] },
    layout: {
      ...document.layout,
      placement: { kind: 'corner', corner: 'bottom-right' },
      hidden: [{ start: 7_000, end: 8_000 }],
    },
    upsertCallouts: [
      {
        id: HIGHLIGHT,
        kind: 'highlight',
        sourceStart: 5_000,
        sourceEnd: 6_500,
        box: highlightBox,
        text: '',
        burnIn: true,
      },
      { id: IN_CUT, kind: 'highlight', sourceStart: 2_200, sourceEnd: 3_000, box: inCutBox, text: '', burnIn: true },
    ],
    rules: { ...document.rules, navigation: 'free' },
  });

  await page.goto(`${host.url}#/lesson/${lessonId}`);
  const publish = new PublishDialog(page);
  await publish.open();
  // The default: nothing has been rendered, and nothing needs to be.
  await expect(publish.video('The recording')).toBeChecked();
  if (shots) await page.screenshot({ path: path.join(shots, 'pub-player-dialog.png') });
  await publish.chooseFormat('SCORM 2004');
  await publish.publish();
  await expect(publish.dialog.getByText('The package is ready')).toBeVisible({ timeout: 60_000 });
  expect(await rpc<Render[]>(host, 'app:renders.list', { lessonId })).toEqual([]);

  const exports = path.join(host.dataDir, 'media', projectId, 'exports');
  const [zip] = fs.readdirSync(exports);
  const unpacked = await unzip(path.join(exports, zip ?? ''));
  try {
    const lessonVideo = path.join(unpacked, 'media', 'lesson.mp4');
    const cameraVideo = path.join(unpacked, 'media', 'camera.mp4');
    // Checked by ffmpeg, not our code: the lesson's length within a frame, sound copied, the cut's frames gone.
    const probe = ffprobe(lessonVideo);
    expect(Math.abs(probe.durationS - LESSON_S)).toBeLessThanOrEqual(1 / 30 + 0.001);
    expect(probe.streams.map((stream) => `${stream.codec_type}:${stream.codec_name}`).sort()).toEqual([
      'audio:aac',
      'video:h264',
    ]);
    expect(packetCount(lessonVideo)).toBe(300 - Math.round(CUT_MS / (1000 / 30)));
    expect(packetCount(cameraVideo)).toBe(packetCount(lessonVideo));
    // Fast start: the index before the media, so a learner's player starts and seeks before the file has loaded.
    for (const file of [lessonVideo, cameraVideo]) {
      const boxes = topLevelBoxes(file);
      expect(boxes.indexOf('moov'), boxes.join()).toBeGreaterThanOrEqual(0);
      expect(boxes.indexOf('moov'), boxes.join()).toBeLessThan(boxes.indexOf('mdat'));
    }
    // Every whole-second flash and beep lands where the lesson has it: after the cut, 1.517 s earlier.
    const expected = [0, 1, 4, 5, 6, 7, 8, 9].map((s) => (s >= 4 ? s - CUT_MS / 1000 : s));
    flashTimes(lessonVideo).forEach((time, index) => expect(time).toBeCloseTo(expected[index] ?? NaN, 1));
    expect(flashTimes(lessonVideo)).toHaveLength(expected.length);
    // Sound is cut at whole packets (21 ms): a sliver of the beep at the cut may stay, never a shifted beep.
    const beeps = beepOnsets(lessonVideo);
    for (const time of expected)
      expect(
        beeps.some((beep) => Math.abs(beep - time) < 0.03),
        `beep at ${time}`,
      ).toBe(true);
    for (const beep of beeps)
      expect(Math.min(...[...expected, CUT.start / 1000].map((time) => Math.abs(beep - time)))).toBeLessThan(0.03);
    const lesson = JSON.parse(fs.readFileSync(path.join(unpacked, 'lesson.json'), 'utf8')) as {
      media: { camera?: { src: string } };
      callouts: { id: string; lessonStart: number; lessonEnd: number }[];
    };
    expect(lesson.media.camera?.src).toBe('media/camera.mp4');
    expect(lesson.callouts.map((callout) => [callout.id, callout.lessonStart, callout.lessonEnd])).toEqual([
      [HIGHLIGHT, 5_000 - CUT_MS, 6_500 - CUT_MS],
    ]);

    const lms = await TestLms.start('2004', unpacked);
    try {
      await page.goto(lms.url);
      const player = new PublishedLessonPage(page);
      await player.ready();
      const frame = page.frameLocator('iframe[title="Lesson"]');
      const bubble = frame.getByRole('group', { name: /Teacher’s camera/ });
      await expect(bubble).toBeVisible();
      // Bottom-right, over the picture.
      const stage = await player.media.boundingBox();
      const placed = await bubble.boundingBox();
      expect(placed && stage && placed.x + placed.width / 2 > stage.x + stage.width / 2).toBe(true);
      expect(placed && stage && placed.y + placed.height / 2 > stage.y + stage.height / 2).toBe(true);
      expect(await drawnAt(frame.locator('canvas.fs-callouts'), highlightBox)).toBe(0);

      // Playing, the camera keeps in step with the screen (both clocks read in one turn of the page).
      await player.play();
      await expect.poll(() => player.currentTime(), { timeout: 15_000 }).toBeGreaterThan(1.5);
      const drift = await frame.locator('body').evaluate((body) => {
        const time = (selector: string) =>
          (body as unknown as { querySelector(s: string): { currentTime: number } }).querySelector(selector)
            .currentTime;
        return Math.abs(time('video.fs-bubble-video') - time('.fs-media'));
      });
      expect(drift).toBeLessThan(0.1);
      await player.media.evaluate((media) => (media as unknown as { pause(): void }).pause());

      /** Moves the paused lesson to `ms` with the seek bar, as a learner's keyboard or pointer does. */
      const seekTo = async (ms: number) => {
        await frame.getByRole('slider', { name: 'Seek' }).fill(String(ms));
        await expect.poll(() => player.currentTime()).toBeCloseTo(ms / 1000, 1);
      };
      // The highlight shows for lesson 3.483–4.983 s; the one inside the cut never.
      await seekTo(4_000);
      await expect.poll(() => drawnAt(frame.locator('canvas.fs-callouts'), highlightBox)).toBeGreaterThan(0);
      expect(await drawnAt(frame.locator('canvas.fs-callouts'), inCutBox)).toBe(0);
      await expect(bubble).toBeVisible();
      if (shots) await page.screenshot({ path: path.join(shots, 'pub-player-lms.png') });
      await seekTo(2_100);
      await expect.poll(() => drawnAt(frame.locator('canvas.fs-callouts'), highlightBox)).toBe(0);
      expect(await drawnAt(frame.locator('canvas.fs-callouts'), inCutBox)).toBe(0);
      // The teacher hid the bubble for source 7–8 s: lesson 5.483–6.483 s.
      await seekTo(6_000);
      await expect(bubble).toBeHidden();
      await seekTo(7_000);
      await expect(bubble).toBeVisible();

      // A learner may move it out of the way, or hide it; the choice stays in this browser.
      await bubble.focus();
      const before = await bubble.boundingBox();
      await page.keyboard.press('ArrowLeft');
      await expect.poll(async () => (await bubble.boundingBox())?.x ?? 0).toBeLessThan(before?.x ?? 0);
      await frame.getByRole('button', { name: 'Hide the camera' }).click();
      await expect(bubble).toBeHidden();
      await expect(frame.getByRole('button', { name: 'Show camera' })).toBeVisible();
    } finally {
      await lms.close();
    }
  } finally {
    fs.rmSync(unpacked, { recursive: true, force: true });
  }
});
