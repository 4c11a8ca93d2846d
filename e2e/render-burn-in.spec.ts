import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { Page } from '@playwright/test';
import { test, expect, type HostFixture } from './fixtures';
import { RendersPanel } from './pages/RendersPanel';
import { rpc, seedLesson } from './support/rpc';
import { makeSyncClip, onlyRender } from './renderMedia';
import { addCaptions, addTake } from './support/editorLesson';
import type { LessonDocument } from '../src/shared/editor/document';
import { chromiumKindOf, ourChromiumPids } from './bench/chromiumProcesses';

/**
 * Burned-in callouts and captions are blended into the decoded pixels, not drawn on a canvas: on the right frames
 * only, and without filling Chromium's canvas image cache (see ARCHITECTURE, where a full render's memory goes).
 */
const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'flipside-render-burn-in-'));
test.afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));
const syncClip = () => {
  const file = path.join(dir, 'sync.mp4');
  if (!fs.existsSync(file)) makeSyncClip(file);
  return file;
};

/** Resident shared memory (memfd) of this test's Chromium renderers, in bytes: where Chromium keeps its canvas image cache. */
function rendererSharedMemory(): number {
  let total = 0;
  for (const pid of ourChromiumPids()) {
    try {
      if (chromiumKindOf(pid) !== 'renderer') continue;
      let inMemfd = false;
      for (const line of fs.readFileSync(`/proc/${pid}/smaps`, 'utf8').split('\n')) {
        if (/^[0-9a-f]+-[0-9a-f]+ /.test(line)) inMemfd = line.includes('/memfd:');
        const rss = /^Rss:\s+(\d+) kB/.exec(line);
        if (inMemfd && rss) total += Number(rss[1]) * 1024;
      }
    } catch {
      // Gone already.
    }
  }
  return total;
}

/**
 * Renders the lesson at 360p from its page and answers the file, failing if the render left 32 MiB or more in the
 * renderer's shared memory: a frame drawn on a software canvas stays in Chromium's canvas image cache (0.9 MiB each
 * at 360p), so a burn-in drawn that way fills it.
 */
async function renderWithinImageCache(
  page: Page,
  host: HostFixture,
  lessonId: string,
  options: { burnCaptions?: string } = {},
): Promise<string> {
  await page.goto(`${host.url}#/lesson/${lessonId}`);
  const before = rendererSharedMemory();
  const panel = new RendersPanel(page);
  await panel.render(['360p'], options);
  await panel.waitDone('360p', 90_000);
  expect(rendererSharedMemory() - before).toBeLessThan(32 * 2 ** 20);
  return (await onlyRender(host, lessonId)).file;
}

/** One pixel of the render at `seconds`, as [r, g, b]. */
function pixelAt(file: string, seconds: number, x: number, y: number): number[] {
  const raw = execFileSync('ffmpeg', [
    ...['-v', 'error', '-ss', String(seconds), '-i', file, '-frames:v', '1'],
    ...['-vf', `crop=2:2:${x}:${y}`, '-f', 'rawvideo', '-pix_fmt', 'rgb24', '-'],
  ]);
  return [...raw.subarray(0, 3)];
}

test('burns a callout into the decoded pixels in its time only, without filling Chromium’s canvas image cache', async ({
  page,
  host,
}) => {
  const { lessonId } = await seedLesson(host, 'Physics', 'Highlight');
  const take = await addTake(host, lessonId, { screen: syncClip() });
  const document = await rpc<LessonDocument>(host, 'app:editor.open', { lessonId });
  await rpc(host, 'app:editor.apply', {
    takeId: take.id,
    baseRevision: document.revision,
    editList: document.editList,
    upsertCallouts: [
      {
        id: '00000000-0000-4000-8000-000000000001',
        kind: 'highlight',
        sourceStart: 2000,
        sourceEnd: 6000,
        box: { x: 0.1, y: 0.1, w: 0.4, h: 0.3 },
        text: '',
        burnIn: true,
      },
    ],
  });
  // Drawn on a software canvas, each of the 120 frames under the callout stayed in the cache.
  const file = await renderWithinImageCache(page, host, lessonId);
  // The highlight's translucent yellow over the black screen, in the middle of its box (192, 90 of 640×360)…
  const [red, green, blue] = pixelAt(file, 3.5, 192, 90);
  expect(red).toBeGreaterThan(35);
  expect(green).toBeGreaterThan(28);
  expect(blue).toBeLessThan(25);
  // …its yellow border, and nothing outside the box or after its time.
  expect(pixelAt(file, 3.5, 64, 90)[0]).toBeGreaterThan(150);
  expect(pixelAt(file, 3.5, 400, 250)[0]).toBeLessThan(25);
  expect(pixelAt(file, 7.5, 192, 90)[0]).toBeLessThan(25);
});

test('burns captions into the decoded pixels too, without filling Chromium’s canvas image cache', async ({
  page,
  host,
}) => {
  const { lessonId } = await seedLesson(host, 'Physics', 'Captions');
  await addTake(host, lessonId, { screen: syncClip() });
  // Captions on almost every frame, one of them long enough to be shown in pages.
  await addCaptions(host, lessonId, [
    {
      label: 'English',
      srclang: 'en',
      cues: [
        [200, 3_000, 'Forces come in pairs'],
        [3_000, 7_800, 'Every action has an equal and opposite reaction, '.repeat(6)],
      ],
    },
  ]);
  // Drawn on a software canvas, each of the ~230 captioned frames stayed in the cache.
  const file = await renderWithinImageCache(page, host, lessonId, { burnCaptions: 'English' });
  // White caption text in the bottom band over the black screen while a cue shows, none before the first one.
  expect(lightPixelsAtBottom(file, 1.5)).toBeGreaterThan(150);
  expect(lightPixelsAtBottom(file, 5.5)).toBeGreaterThan(150);
  expect(lightPixelsAtBottom(file, 0.1)).toBe(0);
});

/** How many near-white pixels the render shows at `seconds` between 70 % and 95 % of its height, where captions go. */
function lightPixelsAtBottom(file: string, seconds: number): number {
  const raw = execFileSync('ffmpeg', [
    ...['-v', 'error', '-ss', String(seconds), '-i', file, '-frames:v', '1'],
    ...['-vf', 'crop=iw:ih*0.25:0:ih*0.7', '-f', 'rawvideo', '-pix_fmt', 'gray', '-'],
  ]);
  return raw.filter((value) => value > 200).length;
}
