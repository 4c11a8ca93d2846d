import { test, expect } from './fixtures';
import { EditorPage } from './pages/EditorPage';
import { LearnerPreview } from './pages/LearnerPreview';
import { lessonWithTake, screenFixture } from './support/editorLesson';
import { brokenRules, expectAccessible } from './support/axe';

test('Undo and Redo say their shortcuts in a tooltip, on keyboard focus and on hover', async ({ page, host }) => {
  const { lessonId } = await lessonWithTake(host, { screen: screenFixture() });
  const editor = new EditorPage(page);
  await editor.goto(host.url, lessonId);
  await editor.press('Key moment');
  await editor.nameKeyMoment('Start');
  const undo = page.getByRole('button', { name: /^Undo/ });
  const redo = page.getByRole('button', { name: /^Redo/ });
  await expect(undo).toBeEnabled();

  await editor.tabTo(undo);
  await expect(page.getByRole('tooltip'), 'keyboard focus shows the shortcut').toHaveText('Undo (Ctrl+Z)');
  await page.keyboard.press('Enter');
  await expect(redo).toBeEnabled();
  await page.mouse.move(0, 0);
  await redo.hover();
  await expect(page.getByRole('tooltip'), 'hover shows the shortcut').toHaveText('Redo (Ctrl+Shift+Z)');
});

test('the learner preview has one banner landmark and nothing serious for axe', async ({ page, host }) => {
  const { lessonId } = await lessonWithTake(host, { screen: screenFixture() });
  const editor = new EditorPage(page);
  await editor.goto(host.url, lessonId);
  const preview = new LearnerPreview(page);
  await preview.open();
  await expect(preview.overlay.getByRole('banner')).toHaveCount(1);
  expect(await brokenRules(page, ['landmark-no-duplicate-banner', 'landmark-unique'])).toEqual([]);
  await expectAccessible(page, 'the learner preview');
});
