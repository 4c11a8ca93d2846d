import fs from 'node:fs';
import path from 'node:path';
import type { Page } from '@playwright/test';
import { test, expect } from './fixtures';
import { publishableLesson, unzip } from './lms/publishedLesson';
import { PublishDialog } from './pages/PublishDialog';
import { rpc } from './support/rpc';
import type { LessonDocument } from '../src/shared/editor/document';
import type { Render } from '../src/shared/media/renders';

const shots = process.env.PUBLISH_SHOTS;
const shot = async (page: Page, name: string) => {
  if (shots) await page.screenshot({ path: path.join(shots, `pub-${name}.png`) });
};

test('publish from the lesson screen: settings, progress, cancel leaves nothing, then a package to download', async ({
  host,
  page,
}) => {
  test.setTimeout(240_000);
  const { lessonId, projectId } = await publishableLesson(host, 'Forces');
  // A long lesson's render, cheaply: the file grows by a sparse gigabyte, so writing the package takes a moment.
  const [render] = await rpc<Render[]>(host, 'app:renders.list', { lessonId });
  fs.truncateSync(path.join(host.dataDir, 'media', ...(render?.path ?? '').split('/')), 1_200_000_000);
  const exports = path.join(host.dataDir, 'media', projectId, 'exports');

  await page.goto(`${host.url}#/lesson/${lessonId}`);
  const publish = new PublishDialog(page);
  await publish.open();
  await expect(publish.format('SCORM 1.2')).toBeChecked();
  // This take stores frames out of order (an import with B-frames): it cannot go out uncut, and the dialog says why
  // before anything runs. Publishing the recording for the player is publish-player.spec.ts.
  await expect(publish.video('The recording')).toBeDisabled();
  await expect(publish.dialog.getByText(/the screen recording reorders frames \(B-frames\)/)).toBeVisible();
  await expect(publish.video('Rendered video files')).toBeChecked();
  await expect(publish.dialog.getByRole('checkbox', { name: /360p/ })).toBeChecked();
  await expect(publish.dialog.getByRole('textbox', { name: 'Title' })).toHaveValue('Forces');
  await expect(publish.dialog.getByRole('textbox', { name: /Mastery score/ })).toHaveValue('80');
  await shot(page, 'dialog');

  await publish.chooseFormat('SCORM 2004');
  await publish.dialog.getByRole('textbox', { name: 'Title' }).fill('Forces <& "motion">');
  await publish.publish();
  await expect(publish.progress).toBeVisible();
  await expect.poll(async () => Number(await publish.progress.getAttribute('aria-valuenow'))).toBeGreaterThan(0);
  await shot(page, 'progress');
  await publish.dialog.getByRole('button', { name: 'Cancel' }).click();
  await expect(publish.dialog.getByRole('status')).toHaveText('Publishing was cancelled. Nothing was written.');
  expect(fs.readdirSync(exports)).toEqual([]);

  await publish.dialog.getByRole('button', { name: 'Back to the settings' }).click();
  await expect(publish.format('SCORM 2004')).toBeChecked();
  await expect(publish.video('Rendered video files')).toBeChecked();
  await publish.publish();
  // A 1.2 GB zip: a safety net for a busy two-core machine, not a speed goal (the bench measures speed).
  await expect(publish.dialog.getByText('The package is ready')).toBeVisible({ timeout: 120_000 });
  await expect(publish.dialog.getByText(/forces-motion-scorm2004-1-0\.zip · 1\.2 GB/)).toBeVisible();
  // Taking it out of the app (a download here, under a readable name) is publish-history.spec.ts.
  await expect(publish.dialog.getByRole('button', { name: 'Save as…' })).toBeFocused();
  await shot(page, 'done');
  expect(fs.readdirSync(exports)).toEqual(['forces-motion-scorm2004-1-0.zip']);
});

test('with no up-to-date render the dialog says why and offers to render and publish in one go', async ({
  host,
  page,
}) => {
  const { lessonId } = await publishableLesson(host, 'Forces');
  // A cut after the render makes it out of date (a key moment, notes or captions would not: they are not in the video).
  const document = await rpc<LessonDocument>(host, 'app:editor.open', { lessonId });
  await rpc(host, 'app:editor.apply', {
    takeId: document.takeId,
    baseRevision: document.revision,
    editList: { ...document.editList, cuts: [{ start: 1000, end: 2000 }] },
  });
  await page.goto(`${host.url}#/lesson/${lessonId}`);
  const publish = new PublishDialog(page);
  await publish.open();
  await publish.chooseVideo('Rendered video files');
  await expect(publish.dialog.getByText('No up-to-date render yet')).toBeVisible();
  await expect(publish.dialog.getByText(/The lesson was edited after its render was made\./)).toBeVisible();
  const sizes = publish.dialog.getByRole('group', { name: 'Sizes to render' });
  await expect(sizes.getByRole('checkbox', { checked: true })).toHaveCount(1);
  await expect(publish.dialog.getByRole('button', { name: 'Render and publish SCORM 1.2' })).toBeEnabled();
  await shot(page, 'norender');
  // With no size ticked there is nothing to publish.
  await sizes.getByRole('checkbox', { checked: true }).focus();
  await page.keyboard.press('Space');
  await expect(sizes.getByRole('checkbox', { checked: true })).toHaveCount(0);
  const publishButton = publish.dialog.getByRole('button', { name: 'Render and publish SCORM 1.2' });
  await expect(publishButton).toBeDisabled();
  // Greyed out with the reason beside it, read out with the button.
  await expect(publishButton).toHaveAccessibleDescription('Choose at least one size to render.');
  await expect(publish.dialog.getByText('Choose at least one size to render.')).toBeVisible();
  await shot(page, 'blocked');
});

test('cmi5: the dialog offers a course of the whole project, and publishes one AU per lesson', async ({
  host,
  page,
}) => {
  const first = await publishableLesson(host, 'Motion');
  const second = await publishableLesson(host, 'Energy', [], first.projectId);
  await page.goto(`${host.url}#/lesson/${second.lessonId}`);
  const publish = new PublishDialog(page);
  await publish.open();
  const whole = publish.dialog.getByRole('checkbox', { name: /One course with every lesson of this project/ });
  await expect(whole).toHaveCount(0);
  await publish.chooseVideo('Rendered video files');
  await publish.chooseFormat('cmi5');
  // A teacher clicks the label.
  await publish.dialog.getByText('One course with every lesson').click();
  await expect(whole).toBeChecked();
  await publish.dialog.getByRole('textbox', { name: 'Title' }).fill('Physics');
  await shot(page, 'cmi5');
  await publish.publish();
  // A 1.2 GB zip: a safety net for a busy two-core machine, not a speed goal (the bench measures speed).
  await expect(publish.dialog.getByText('The package is ready')).toBeVisible({ timeout: 120_000 });
  const exports = path.join(host.dataDir, 'media', first.projectId, 'exports');
  expect(fs.readdirSync(exports)).toEqual(['physics-cmi5-1-0.zip']);
  const dir = await unzip(path.join(exports, 'physics-cmi5-1-0.zip'));
  try {
    const course = fs.readFileSync(path.join(dir, 'cmi5.xml'), 'utf8');
    expect([...course.matchAll(/<url>([^<]+)<\/url>/g)].map((match) => match[1])).toEqual([
      'lesson-1/index.html',
      'lesson-2/index.html',
    ]);
    expect(course).toContain(`urn:flipside:au:${first.lessonId}`);
  } finally {
    fs.rmSync(dir, { recursive: true, force: true });
  }
});
