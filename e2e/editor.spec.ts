import fs from 'node:fs';
import path from 'node:path';
import { test, expect } from './fixtures';
import { EditorPage } from './pages/EditorPage';
import { cameraFixture, lessonWithTake, screenFixture } from './support/editorLesson';
import { rpc } from './support/rpc';
import type { InPageGlobals, InPageVideo } from './support/inPage';

interface OpenedDocument {
  editList: { trimStart: number; trimEnd: number; cuts: { start: number; end: number }[] };
  markers: { title: string; sourceMs: number }[];
  callouts: unknown[];
}

test('a teacher trims, cuts, marks and annotates a take; it autosaves, undoes, and plays across the cut', async ({
  page,
  host,
}) => {
  const { lessonId } = await lessonWithTake(host, { screen: screenFixture(), camera: cameraFixture() });
  const editor = new EditorPage(page);
  await editor.goto(host.url, lessonId);
  await expect(editor.duration).toHaveText('0:12.0');

  // Trim both ends: 1 s … 11 s of the take.
  await editor.seekToSecond(1);
  await editor.press('Trim start here');
  await expect(editor.duration).toHaveText('0:11.0');
  await editor.seekToSecond(10);
  await editor.press('Trim end here');
  await expect(editor.duration).toHaveText('0:10.0');

  // Cut 4–6 s of the take (3–5 s of the lesson) with in and out points and Delete.
  await editor.seekToSecond(3);
  await editor.shortcut('i');
  await editor.seekToSecond(5);
  await editor.shortcut('o');
  await editor.shortcut('Delete');
  await expect(editor.duration).toHaveText('0:08.0');
  await expect(page.getByRole('button', { name: 'Cut 0:04.0–0:06.0 (removed)' })).toBeVisible();

  // Two key moments and a callout.
  await editor.seekToSecond(1);
  await editor.shortcut('m');
  await editor.nameKeyMoment();
  await editor.seekToSecond(6);
  await editor.press('Key moment');
  await editor.nameKeyMoment();
  await expect(editor.tab('Key moments')).toContainText('2');
  await editor.addCallout('Text');
  await expect(editor.tab('Callouts')).toContainText('1');
  await expect(page.getByRole('button', { name: /^Text callout “Look here”/ })).toBeVisible();

  // Undo twice (the callout, the second moment), redo once (the moment).
  await editor.undo();
  await editor.undo();
  await expect(editor.tab('Callouts')).toContainText('0');
  await expect(editor.tab('Key moments')).toContainText('1');
  await editor.redo();
  await expect(editor.tab('Key moments')).toContainText('2');
  await editor.expectSaved();

  // Everything was saved as it happened: after a reload the editor shows the same lesson, and so does the service.
  await page.reload();
  await editor.expectReady();
  await expect(editor.duration).toHaveText('0:08.0');
  await expect(editor.tab('Key moments')).toContainText('2');
  await expect(editor.tab('Callouts')).toContainText('0');
  await expect(editor.list('Key moments').getByRole('row')).toHaveCount(2);
  const saved = await rpc<OpenedDocument>(host, 'app:editor.open', { lessonId });
  expect(saved.editList).toMatchObject({ trimStart: 1_000, trimEnd: 11_000, cuts: [{ start: 4_000, end: 6_000 }] });
  expect(saved.markers.map((marker) => marker.sourceMs)).toEqual([2_000, 9_000]);
  expect(saved.callouts).toEqual([]);

  // Playing from just before the cut jumps over it: the screen video never shows a frame of 4–6 s.
  await editor.seekToSecond(2);
  await editor.video.evaluate((element) => {
    const video = element as unknown as InPageVideo;
    const page = globalThis as unknown as InPageGlobals;
    const samples: number[] = [];
    page.samples = samples;
    const sample = () => {
      samples.push(video.currentTime);
      if (samples.length < 20_000) page.requestAnimationFrame(sample);
    };
    video.addEventListener('timeupdate', () => samples.push(video.currentTime));
    video.addEventListener('seeking', () => samples.push(video.currentTime));
    page.requestAnimationFrame(sample);
  });
  await editor.shortcut(' ');
  await expect
    .poll(() => editor.video.evaluate((video) => (video as unknown as InPageVideo).currentTime), { timeout: 15_000 })
    .toBeGreaterThanOrEqual(6.3);
  await editor.shortcut('k');
  const samples = await page.evaluate(() => (globalThis as unknown as InPageGlobals).samples);
  expect(samples.some((t) => t < 4)).toBe(true);
  expect(samples.some((t) => t >= 6)).toBe(true);
  expect(samples.filter((t) => t > 4.05 && t < 5.95)).toEqual([]);
});

test('the timeline shows the take’s filmstrip and waveform, made in a worker that fetches the same-origin media', async ({
  page,
  host,
}) => {
  const { lessonId, takeId } = await lessonWithTake(host, { screen: screenFixture() });
  const editor = new EditorPage(page);
  await editor.goto(host.url, lessonId);
  // Each tile shows its window's sprite (a blob: image the worker made from frames it decoded).
  const tiles = page.getByTestId('filmstrip-tile');
  await expect(tiles.first()).toBeVisible();
  await expect
    .poll(
      () =>
        tiles
          .first()
          .evaluate((tile) => (tile as unknown as { style: { backgroundImage: string } }).style.backgroundImage),
      {
        timeout: 20_000,
      },
    )
    .toContain('blob:');
  // And kept beside the take, so the next opening need not decode again.
  await expect
    .poll(() =>
      fs
        .readdirSync(host.dataDir, { recursive: true, encoding: 'utf8' })
        .filter((file) => file.includes(`${takeId}${path.sep}derived${path.sep}`))
        .map((file) => path.basename(file).split('-')[0]),
    )
    .toEqual(expect.arrayContaining(['thumbs', 'peaks']));
});
