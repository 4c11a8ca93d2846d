import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import type { Download, Page } from '@playwright/test';
import { test, expect } from './fixtures';
import { publishableLesson } from './lms/publishedLesson';
import { PublishDialog } from './pages/PublishDialog';
import { PublishHistory } from './pages/PublishHistory';
import { expectAccessible } from './support/axe';
import { rpc } from './support/rpc';
import type { LessonDocument } from '../src/shared/editor/document';

const shots = process.env.PUBLISH_SHOTS;

/** Saves a download into the test's output folder and answers where. */
async function kept(download: Download, folder: string): Promise<string> {
  const file = path.join(folder, download.suggestedFilename());
  await download.saveAs(file);
  return file;
}

async function publishFromDialog(page: Page, format: string): Promise<PublishDialog> {
  const publish = new PublishDialog(page);
  await publish.open();
  await publish.chooseFormat(format);
  await publish.publish();
  await expect(publish.dialog.getByText(/^The (package|web folder) is ready$/)).toBeVisible({ timeout: 60_000 });
  return publish;
}

test('a published package is saved under a readable name, listed with its version, and deleted from the library', async ({
  host,
  page,
}, testInfo) => {
  test.setTimeout(180_000);
  const { lessonId, projectId } = await publishableLesson(host, 'Forces and motion');
  const exports = path.join(host.dataDir, 'media', projectId, 'exports');
  const out = testInfo.outputPath('downloads');
  fs.mkdirSync(out, { recursive: true });
  await page.setViewportSize({ width: 1280, height: 800 });
  await page.goto(`${host.url}#/lesson/${lessonId}`);
  const history = new PublishHistory(page);
  await expect(page.getByRole('heading', { name: 'Forces and motion', level: 1 })).toBeVisible();
  // Nothing published yet: no empty section in the way.
  await expect(history.section).toHaveCount(0);

  // SCORM 2004: the done view's Save as… (focused, the next step) downloads the zip byte for byte, readably named.
  let publish = await publishFromDialog(page, 'SCORM 2004');
  const saveAs = publish.dialog.getByRole('button', { name: 'Save as…' });
  await expect(saveAs).toBeFocused();
  // The browser has no file manager to open; the desktop app's Show in folder is FilesService.test.ts's.
  await expect(publish.dialog.getByRole('button', { name: 'Show in folder' })).toHaveCount(0);
  await expectAccessible(page, 'the publish dialog, done');
  const [zipDownload] = await Promise.all([page.waitForEvent('download'), page.keyboard.press('Enter')]);
  expect(zipDownload.suggestedFilename()).toBe('Forces and motion (SCORM 2004, version 1.0).zip');
  const zip = await kept(zipDownload, out);
  expect(fs.readFileSync(zip).equals(fs.readFileSync(path.join(exports, 'forces-and-motion-scorm2004-1-0.zip')))).toBe(
    true,
  );
  await publish.dialog.getByRole('button', { name: 'Close' }).click();

  const scorm = 'SCORM 2004 4th edition, version 1.0';
  await expect(history.entry(scorm)).toBeVisible();
  await expect(history.entry(scorm)).toContainText('forces-and-motion-scorm2004-1-0.zip');
  await expect(history.entry(scorm)).toContainText(/published (just now|\d+ seconds? ago)/);
  await expect(history.summary).toHaveText('Version 1.0 (SCORM 2004 4th edition) is the lesson as it is now.');
  await expect(history.entry(scorm).getByText('Lesson changed since')).toHaveCount(0);

  // A web folder: the next version is offered, and the folder downloads as a zip that unzips to the folder.
  publish = new PublishDialog(page);
  await publish.open();
  await expect(publish.dialog.getByRole('textbox', { name: 'Version' })).toHaveValue('1.1');
  await publish.dialog.getByRole('button', { name: 'Cancel' }).click();
  publish = await publishFromDialog(page, 'Web folder');
  await expect(publish.dialog.getByText(/It downloads as a zip: unzip it first/)).toBeVisible();
  await expect(publish.dialog.getByText(/library folder under media/)).toHaveCount(0);
  const [folderDownload] = await Promise.all([
    page.waitForEvent('download'),
    publish.dialog.getByRole('button', { name: 'Save as…' }).click(),
  ]);
  expect(folderDownload.suggestedFilename()).toBe('Forces and motion (Web folder, version 1.1).zip');
  const folderZip = await kept(folderDownload, out);
  const unzipped = spawnSync('unzip', ['-q', folderZip, '-d', path.join(out, 'site')], { encoding: 'utf8' });
  expect(unzipped.status, unzipped.stderr).toBe(0);
  const site = path.join(out, 'site', 'Forces and motion (Web folder, version 1.1)');
  expect(fs.readdirSync(site).sort()).toEqual(fs.readdirSync(path.join(exports, 'forces-and-motion-web-1-1')).sort());
  await publish.dialog.getByRole('button', { name: 'Close' }).click();

  const web = 'Web folder, version 1.1';
  await expect(history.list.getByRole('listitem')).toHaveCount(2);
  await expect(history.list.getByRole('listitem').first()).toContainText(web);
  await expectAccessible(page, 'the lesson screen with its publish history');

  // The teacher edits the lesson: every publish now differs from it, and the newest says to publish again.
  const document = await rpc<LessonDocument>(host, 'app:editor.open', { lessonId });
  await rpc(host, 'app:editor.apply', {
    takeId: document.takeId,
    baseRevision: document.revision,
    upsertMarkers: [{ id: '22222222-2222-4222-8222-222222222222', sourceMs: 4000, title: 'Newton', note: '' }],
  });
  await expect(history.summary).toHaveText(
    'You changed the lesson after publishing version 1.1 (Web folder). Publish again to give learners the changes.',
  );
  await expect(history.entry(web).getByText('Lesson changed since')).toBeVisible();
  await expect(history.entry(scorm).getByText('Lesson changed since')).toBeVisible();
  for (const size of [
    { width: 1280, height: 800 },
    { width: 1024, height: 700 },
  ]) {
    await page.setViewportSize(size);
    await history.section.scrollIntoViewIfNeeded();
    await page.screenshot({ path: testInfo.outputPath(`lesson-history-${size.width}.png`) });
    if (shots) await page.screenshot({ path: path.join(shots, `history-${size.width}x${size.height}.png`) });
  }

  // An older entry is still taken out of the app the same way.
  const [again] = await Promise.all([page.waitForEvent('download'), history.saveAs(scorm).click()]);
  expect(again.suggestedFilename()).toBe('Forces and motion (SCORM 2004, version 1.0).zip');

  // Deleting asks first (Cancel keeps everything), then removes the folder and its download zip from the library.
  const dialog = await history.delete(web, false);
  await expectAccessible(page, 'the delete-a-publish confirmation');
  await dialog.getByRole('button', { name: 'Cancel' }).click();
  expect(fs.readdirSync(exports).sort()).toEqual([
    '.downloads',
    'forces-and-motion-scorm2004-1-0.zip',
    'forces-and-motion-web-1-1',
  ]);
  await history.delete(web);
  await expect(history.entry(web)).toHaveCount(0);
  await expect(page.getByText(`Deleted ${web}`)).toBeVisible();
  await expect(history.saveAs(scorm), 'focus moves to the next entry, not the top of the page').toBeFocused();
  expect(fs.readdirSync(exports).sort()).toEqual(['.downloads', 'forces-and-motion-scorm2004-1-0.zip']);
  expect(fs.readdirSync(path.join(exports, '.downloads'))).toEqual([]);
  // What the teacher saved elsewhere is theirs: untouched.
  expect(fs.existsSync(path.join(site, 'index.html'))).toBe(true);

  // Kept across a restart of the app, with the version each publish used.
  await page.reload();
  await expect(history.list.getByRole('listitem')).toHaveCount(1);
  await expect(history.entry(scorm)).toBeVisible();
});
