import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { test, expect } from './fixtures';
import { RendersPanel } from './pages/RendersPanel';
import { expectAccessible } from './support/axe';
import { makeClip } from './support/media';
import { rpc, seedLesson } from './support/rpc';
import { setCuts } from './renderMedia';
import { addCaptions, addTake } from './support/editorLesson';
import type { Render } from '../src/shared/media/renders';

const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'flipside-burned-captions-'));
test.afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

const WIDTH = 640;
const HEIGHT = 360;

/** A light grey 640×360 picture with a tone: the dark caption box shows against it, and nothing else is dark. */
function makeGreyClip(file: string): void {
  makeClip(
    file,
    {
      video: `color=c=0xb4b4b4:s=${String(WIDTH)}x${String(HEIGHT)}:r=30:d=6`,
      audio: 'sine=f=440:sample_rate=48000:d=6',
    },
    { keyframeEvery: 30, faststart: true, shortest: true },
  );
}

/** One frame of `file` at `seconds`, decoded by ffmpeg (not our code) to packed RGB. */
function frameAt(file: string, seconds: number): Buffer {
  return execFileSync(
    'ffmpeg',
    [
      '-v',
      'error',
      '-ss',
      seconds.toFixed(3),
      '-i',
      file,
      '-frames:v',
      '1',
      '-f',
      'rawvideo',
      '-pix_fmt',
      'rgb24',
      '-',
    ],
    { maxBuffer: WIDTH * HEIGHT * 3 * 2 },
  );
}

/** How many pixels of a band of rows (fractions of the height) are dark (a caption box) and light (its text). */
function band(frame: Buffer, from: number, to: number): { dark: number; light: number } {
  let dark = 0;
  let light = 0;
  for (let y = Math.floor(from * HEIGHT); y < Math.floor(to * HEIGHT); y += 1) {
    for (let x = 0; x < WIDTH; x += 1) {
      const at = (y * WIDTH + x) * 3;
      const luma = 0.2126 * (frame[at] ?? 0) + 0.7152 * (frame[at + 1] ?? 0) + 0.0722 * (frame[at + 2] ?? 0);
      if (luma < 80) dark += 1;
      else if (luma > 235) light += 1;
    }
  }
  return { dark, light };
}

test('a render can burn the lesson’s captions into the picture, on the cut lesson’s clock, as plain text', async ({
  page,
  host,
}) => {
  test.setTimeout(180_000);
  const clip = path.join(dir, 'grey.mp4');
  makeGreyClip(clip);
  const { lessonId } = await seedLesson(host, 'Physics', 'Momentum');
  await addTake(host, lessonId, { screen: clip });
  await setCuts(host, lessonId, [{ start: 2_000, end: 3_000 }]);

  await page.goto(`${host.url}#/lesson/${lessonId}`);
  const panel = new RendersPanel(page);
  // No captions yet: the option is there, off, saying why.
  let dialog = await panel.openDialog();
  const burn = dialog.getByRole('checkbox', { name: /Captions burned into the picture/ });
  await expect(burn).toBeDisabled();
  await expect(dialog).toContainText('This lesson has no captions yet');
  await dialog.getByRole('button', { name: 'Cancel' }).click();
  await expect(dialog).toBeHidden();

  const cues = await addCaptions(host, lessonId, [
    {
      label: 'English',
      srclang: 'en',
      cues: [
        [500, 1_500, '<b>Before</b> the cut'],
        [2_200, 2_800, 'Inside the cut'],
        [3_500, 4_500, '<c.loud>After</c> the cut'],
      ],
    },
    { label: 'Français', srclang: 'fr', cues: [[500, 1_500, 'Avant la coupe']] },
  ]);
  const afterCut = cues.find((cue) => cue.text.endsWith('After</c> the cut'));
  if (!afterCut) throw new Error('the cue after the cut was not made');

  await panel.render(['360p']);
  await panel.waitDone('360p', 60_000);
  await panel.queue.getByRole('button', { name: 'Dismiss the 360p job' }).click();
  await panel.render(['360p'], {
    burnCaptions: 'English',
    before: async () => {
      dialog = page.getByRole('dialog', { name: 'Render the lesson' });
      await expect(dialog.getByRole('radio', { name: 'English' })).toBeChecked();
      await page.screenshot({ path: test.info().outputPath('render-dialog-burn-captions.png') });
      await expectAccessible(page, 'the render dialog with burned captions');
    },
  });
  await panel.waitDone('360p', 90_000);

  const renders = await rpc<Render[]>(host, 'app:renders.list', { lessonId });
  const burned = renders.find((render) => render.burnedCaptions !== null);
  const plain = renders.find((render) => render.burnedCaptions === null);
  expect(burned?.burnedCaptions?.language).toBe('en');
  const fileOf = (render: Render | undefined) => path.join(host.dataDir, 'media', ...(render?.path.split('/') ?? []));

  // Lesson 1.0 s: “Before the cut”; 3.0 s: “After the cut” (source 4.0 s, moved 1 s earlier by the cut).
  for (const seconds of [1.0, 3.0]) {
    const withCaptions = band(frameAt(fileOf(burned), seconds), 0.7, 0.95);
    const without = band(frameAt(fileOf(plain), seconds), 0.7, 0.95);
    expect(without, `no caption at ${String(seconds)} s without the option`).toEqual({ dark: 0, light: 0 });
    // A dark box with light text in it, at the bottom.
    expect(withCaptions.dark, `caption box at ${String(seconds)} s`).toBeGreaterThan(1_500);
    expect(withCaptions.light, `caption text at ${String(seconds)} s`).toBeGreaterThan(150);
    expect(band(frameAt(fileOf(burned), seconds), 0, 0.65)).toEqual({ dark: 0, light: 0 });
  }
  execFileSync('ffmpeg', [
    '-v',
    'error',
    '-ss',
    '3',
    '-i',
    fileOf(burned),
    '-frames:v',
    '1',
    '-y',
    test.info().outputPath('burned-frame.png'),
  ]);
  // The cue inside the cut is never drawn: were it, it would show from lesson 2.2 s (until “After the cut” at 2.5 s).
  for (const seconds of [1.8, 2.25, 2.4]) {
    expect(band(frameAt(fileOf(burned), seconds), 0.7, 0.95), `nothing at ${String(seconds)} s`).toEqual({
      dark: 0,
      light: 0,
    });
  }

  // Burned captions belong to the picture: editing them puts that render, and only that one, out of date.
  const rows = panel.list.getByRole('listitem');
  const burnedRow = rows.filter({ hasText: 'captions burned in (en)' });
  const plainRow = rows.filter({ hasNotText: 'captions burned in' });
  await expect(burnedRow).not.toContainText('Out of date');
  const now = await rpc<{ takeId: string; revision: number }>(host, 'app:editor.open', { lessonId });
  await rpc(host, 'app:editor.apply', {
    takeId: now.takeId,
    baseRevision: now.revision,
    upsertCaptionCues: [{ ...afterCut, text: 'After the cut, corrected' }],
  });
  await expect(burnedRow).toContainText('Out of date');
  await expect(plainRow).not.toContainText('Out of date');
});
