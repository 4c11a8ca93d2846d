import fs from 'node:fs';
import path from 'node:path';
import { FAKE_MEDIA_LAUNCH } from './chromium';
import { test, expect } from './fixtures';
import { LessonPage } from './pages/LessonPage';
import { RecorderPage } from './pages/RecorderPage';
import { listTakes, seedLesson } from './support/rpc';
import { ffprobe } from './support/media';
import { readSpoolIndex } from '../src/main/recording/chunkSpool';

test.use({ launchOptions: FAKE_MEDIA_LAUNCH });

test('a recording cut short by a crash is offered at the next start and recovered', async ({ page, context, host }) => {
  await context.grantPermissions(['camera', 'microphone'], { origin: host.origin });
  const { lessonId } = await seedLesson(host, 'Chemistry', 'Moles');
  const recorder = new RecorderPage(page);
  const lesson = new LessonPage(page);

  await recorder.readyToRecord(host.url, lessonId, 'Screen + camera');
  await recorder.record();
  // Crash once main holds 3 s of every track on disk, not after 3 s of wall time: on a loaded machine the chunks lag.
  await expect
    .poll(() => leastSpooledMs(path.join(host.dataDir, 'media')), { timeout: 30_000, intervals: [200] })
    .toBeGreaterThanOrEqual(3000);

  await host.crashAndRestart();
  await page.goto('about:blank');
  await page.goto(host.url);

  // Main offers a take only once its heartbeat is over 10 s old; the app checks again every few seconds while
  // it is open, so the dialog appears on its own without a reload.
  const dialog = page.getByRole('dialog', { name: 'A recording was interrupted' });
  await expect(dialog).toBeVisible({ timeout: 30_000 });
  const row = dialog.getByRole('listitem', { name: 'Chemistry › Moles' });
  await expect(row).toContainText(/about 0:0[3-5] recorded/);
  await row.getByRole('button', { name: 'Recover' }).click();
  await expect(row).toContainText('Recovered');

  const [take] = await listTakes(host, lessonId);
  expect(take?.origin).toBe('recovered');
  for (const file of take?.files ?? []) {
    const probe = ffprobe(path.join(host.dataDir, 'media', file.path));
    expect(probe.durationS, `${file.role} recovered length (ffprobe)`).toBeGreaterThanOrEqual(2.5);
  }

  await row.getByRole('button', { name: 'Open lesson' }).click();
  await expect(dialog).toBeHidden();
  await lesson.expectOpen('Moles');
  await expect(lesson.take(take?.title ?? '')).toContainText('Recovered');
  await lesson.expectPlays();
});

/** The least recorded time that main has on disk of the screen and camera tracks, as recovery reads each spool. */
async function leastSpooledMs(media: string): Promise<number> {
  const indexes = (await fs.promises.readdir(media, { recursive: true })).filter((file) => file.endsWith('.chunks'));
  const spooled = indexes.map((file) => {
    const index = path.join(media, file);
    return readSpoolIndex({ index, part: index.replace(/\.chunks$/, '.part') }).lastAtMs;
  });
  return spooled.length >= 2 ? Math.min(...spooled) : 0;
}
