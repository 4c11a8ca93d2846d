import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { test, expect } from './fixtures';
import { publishableLesson, publishOverRpc } from './lms/publishedLesson';
import { PublishedLessonPage } from './pages/PublishedLessonPage';

const VTT = ['WEBVTT', '', '00:00:00.300 --> 00:00:02.800', 'La gravité <b>attire</b> les objets', ''].join('\n');

test('captions attached on the lesson screen play in a published web folder opened from disk', async ({
  host,
  page,
}) => {
  const { lessonId, renderId } = await publishableLesson(host);
  await page.goto(`${host.url}#/lesson/${lessonId}`);
  const section = page.getByRole('region', { name: 'Captions' });
  const input = page.locator('input[type="file"][accept*=".vtt"]');

  await input.setInputFiles({
    name: 'broken.vtt',
    mimeType: 'text/vtt',
    buffer: Buffer.from('WEBVTT\n\n00:00:01,000 --> 00:00:02.000\nx\n'),
  });
  await expect(section.getByRole('alert')).toHaveText(
    '“broken.vtt” is not a WebVTT captions file. Line 3: the cue timing is not valid (write it like “00:01:02.500 --> 00:01:05.000”).',
  );

  await input.setInputFiles({ name: 'lecture.fr.vtt', mimeType: 'text/vtt', buffer: Buffer.from(VTT) });
  const dialog = page.getByRole('dialog', { name: 'Add captions' });
  await expect(dialog.getByRole('textbox', { name: 'Name learners see' })).toHaveValue('Français');
  await expect(dialog.getByRole('textbox', { name: 'Language' })).toHaveValue('fr');
  await expect(dialog.getByText('That is French.'), 'the code is named in words').toBeVisible();
  await dialog.getByRole('button', { name: 'Add captions' }).click();
  await expect(dialog).toHaveCount(0);
  await expect(section.getByRole('listitem')).toHaveText(/Français\s*fr/);

  const { file } = await publishOverRpc(host, lessonId, renderId, 'web');
  await page.goto(pathToFileURL(path.join(file, 'index.html')).href);
  const lesson = new PublishedLessonPage(page, false);
  await lesson.ready();
  await page.locator('.fs-controls').getByRole('button', { name: 'Captions' }).click();
  await lesson.play();
  // Markup in a cue is shown as plain text, never as HTML.
  await expect(page.locator('.fs-captions')).toHaveText('La gravité attire les objets', { timeout: 10_000 });
  await expect(page.locator('.fs-captions b')).toHaveCount(0);
});
