import { test, expect } from './fixtures';
import { EditorPage } from './pages/EditorPage';
import { QuestionEditor } from './pages/QuestionEditor';
import { cameraFixture, lessonWithTake, screenFixture } from './support/editorLesson';

// The smallest window the editor is made for: a 1024×640 laptop screen (browser chrome taken off a 1024×768 one).
test.use({ viewport: { width: 1024, height: 640 } });

const TABS = ['Key moments', 'Questions', 'Callouts', 'Notes', 'Captions', 'Camera'] as const;

test('at 1024×640 the whole editor fits: every tool, tab and lane in view, nothing scrolls sideways', async ({
  page,
  host,
}) => {
  const { lessonId } = await lessonWithTake(host, { screen: screenFixture(), camera: cameraFixture() });
  const editor = new EditorPage(page);
  await editor.goto(host.url, lessonId);
  await editor.press('Key moment');
  await editor.nameKeyMoment('Newton');
  await editor.addCallout('Text');
  await editor.press('Question');
  const question = new QuestionEditor(page);
  await question.writePrompt('What keeps a body moving?');
  await question.fill('Choice 1', 'Nothing');
  await question.fill('Choice 2', 'A force');
  await question.submit();

  const toolbar = page.getByRole('toolbar', { name: 'Playback and editing' });
  for (const name of ['Play', 'Trim start here', 'Trim end here', 'Split', 'Key moment', 'Question', 'Callout']) {
    await expect(toolbar.getByRole('button', { name, exact: true }), name).toBeInViewport({ ratio: 1 });
  }
  // Nothing hidden in a toolbar that scrolls without a scrollbar.
  expect(await toolbar.evaluate((bar) => bar.scrollWidth - bar.clientWidth)).toBeLessThanOrEqual(0);

  for (const name of TABS) {
    await expect(editor.tab(name), name).toBeInViewport({ ratio: 1 });
  }
  // The camera tab says what it is in words, not only with an icon.
  await expect(editor.tab('Camera')).toHaveText('Camera');

  await expect(page.getByRole('button', { name: /^Key moment “Newton”/ })).toBeInViewport({ ratio: 1 });
  await expect(editor.timeline.getByRole('button', { name: /^text callout “Look here”/ })).toBeInViewport({ ratio: 1 });
  await expect(editor.timeline.getByRole('button', { name: /^Question “What keeps a body moving\?”/ })).toBeInViewport({
    ratio: 1,
  });
  await expect(page.getByRole('button', { name: 'Keyboard shortcuts' })).toBeInViewport({ ratio: 1 });
  // Six tabs may take two rows, but no tab's own name breaks over two lines.
  const heights = await Promise.all(TABS.map(async (name) => (await editor.tab(name).boundingBox())?.height));
  expect(new Set(heights).size, JSON.stringify(heights)).toBe(1);
  await page.screenshot({ path: test.info().outputPath('editor-1024x640.png') });
  await expect(page.getByRole('button', { name: 'Preview as learner' })).toBeInViewport({ ratio: 1 });
  // The page itself does not scroll: the editor is exactly the window.
  expect(await page.evaluate(() => document.documentElement.scrollHeight - window.innerHeight)).toBeLessThanOrEqual(0);
  expect(await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth)).toBeLessThanOrEqual(0);
  await page.screenshot({ path: test.info().outputPath('editor-1024x640.png') });
});
