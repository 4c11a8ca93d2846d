import { test, expect } from './fixtures';
import { EditorPage } from './pages/EditorPage';
import { LearnerPreview } from './pages/LearnerPreview';
import { QuestionEditor } from './pages/QuestionEditor';
import { lessonWithTake, screenFixture } from './support/editorLesson';
import { rpc } from './support/rpc';

const HOSTILE = '<img src=x onerror="window.__pwned=1"><script>window.__pwned=1</script>';

interface SavedDocument {
  checkpoints: { type: string; sourceMs: number; prompt: string }[];
  rules: { playbackRates: number[]; masteryPercent: number };
}

test('a teacher writes three questions, previews them as a learner, and tests resuming', async ({ page, host }) => {
  const { lessonId } = await lessonWithTake(host, { screen: screenFixture() });
  const editor = new EditorPage(page);
  const question = new QuestionEditor(page);
  const preview = new LearnerPreview(page);
  await editor.goto(host.url, lessonId);

  // A key moment at 4 s: where a wrong answer to the second question sends the learner back to.
  await editor.seekToSecond(4);
  await editor.shortcut('m');
  await editor.nameKeyMoment();

  // 1. One answer, at 3 s, with Q.
  await editor.seekToSecond(3);
  await editor.shortcut('q');
  await question.expectOpen();
  await expect(question.save).toBeDisabled();
  await question.writePrompt('What colour is a clear sky?');
  await question.fill('Choice 1', 'Blue');
  await question.fill('Choice 2', 'Green');
  await question.fill('Feedback when wrong', 'Look up.');
  await question.submit();

  // 2. A short answer, at 6 s, from the toolbar.
  await editor.seekToSecond(6);
  await editor.press('Question');
  await question.chooseType('Short answer');
  await question.writePrompt('Which city is the capital of **France**?');
  await expect(question.preview.locator('strong')).toHaveText('France');
  await question.fill('Accepted answer 1', 'Paris');
  await question.fill('Feedback when wrong', 'Listen again to the part about capitals.');
  await question.submit();

  // 3. A number, at 9 s, with a tolerance.
  await editor.seekToSecond(9);
  await editor.shortcut('q');
  await question.chooseType('Number');
  await question.writePrompt('A walker covers 7 km in 2 hours. What is the speed in km/h?');
  await question.fill('Value', 'x');
  await expect(question.field('Value')).toHaveAccessibleDescription('Enter a number');
  await expect(question.dialog.getByRole('status')).toHaveText('To save: Enter a number');
  await question.fill('Value', '3,5');
  await question.fill('Give or take (±)', '0.1');
  await question.submit();

  await expect(editor.tab('Questions')).toContainText('3');
  await expect(editor.list('Questions').getByRole('row')).toHaveText([
    /0:03\.0.*What colour/,
    /0:06\.0.*capital of France/,
    /0:09\.0.*walker/,
  ]);

  // Moving a question with the keyboard is one undo step however many nudges it took.
  const pin = page.getByRole('button', { name: /^Question “A walker/ });
  await pin.focus();
  await page.keyboard.press('ArrowRight');
  await page.keyboard.press('ArrowRight');
  await expect(pin).toHaveAccessibleName(/at 0:09\.2$/);
  await editor.undo();
  await expect(pin).toHaveAccessibleName(/at 0:09\.0$/);
  // And by dragging it along the timeline: about a second to the left.
  const tickX = async (label: string) =>
    (await editor.timeline.getByText(label, { exact: true }).boundingBox())?.x ?? 0;
  const pxPerSecond = (await tickX('0:02')) - (await tickX('0:01'));
  const box = await pin.boundingBox();
  if (!box) throw new Error('The question pin is not on screen');
  await page.mouse.move(box.x + 11, box.y + 11);
  await page.mouse.down();
  await page.mouse.move(box.x + 11 - pxPerSecond, box.y + 11, { steps: 5 });
  await page.mouse.up();
  await expect(pin).toHaveAccessibleName(/at 0:0(7\.9|8\.0|8\.1)$/);
  await editor.undo();
  await expect(pin).toHaveAccessibleName(/at 0:09\.0$/);
  await editor.expectSaved();
  const saved = await rpc<SavedDocument>(host, 'app:editor.open', { lessonId });
  expect(saved.checkpoints.map((checkpoint) => [checkpoint.type, checkpoint.sourceMs])).toEqual([
    ['single', 3_000],
    ['shortAnswer', 6_000],
    ['numeric', 9_000],
  ]);

  // The learner's view: stopped at each question, no skipping past one unanswered, rewatch on a wrong answer.
  await preview.open();
  await preview.setSpeed('2');
  await preview.play();
  await preview.expectQuestionAt(3, 'What colour is a clear sky?');
  await page.keyboard.press('Escape');
  await expect(preview.question).toBeHidden();
  await expect(preview.overlay).toBeVisible();
  await preview.dragSeekTo(8_000);
  await expect(preview.notice).toHaveText('Answer the question at 0:03 first');
  await preview.play();
  await preview.expectQuestionAt(3, 'What colour is a clear sky?');
  await preview.answerChoice('Blue');
  await expect(preview.question.locator('.fs-verdict')).toHaveText('Correct');
  await preview.continue();

  await preview.expectQuestionAt(6, 'Which city is the capital of France?');
  await preview.answerText('London');
  await expect(preview.question.locator('.fs-verdict')).toHaveText('Not quite');
  await expect(preview.question.locator('.fs-feedback')).toContainText('Listen again to the part about capitals.');
  const rewound = await preview.seekLandingOf(() =>
    preview.question.getByRole('button', { name: 'Rewatch from 0:04' }).click(),
  );
  await expect(preview.question).toBeHidden();
  expect(rewound).toBeGreaterThanOrEqual(4);
  expect(rewound).toBeLessThan(4.5);
  await preview.expectQuestionAt(6, 'Which city is the capital of France?');
  await preview.answerText(' paris ');
  await expect(preview.question.locator('.fs-verdict')).toHaveText('Correct');
  await preview.continue();

  await preview.expectQuestionAt(9, 'A walker covers 7 km in 2 hours. What is the speed in km/h?');
  await preview.answerText('3.45');
  await expect(preview.question.locator('.fs-verdict')).toHaveText('Correct');
  await preview.continue();

  await expect(preview.summary).toBeVisible({ timeout: 15_000 });
  await expect(preview.summary.locator('.fs-score')).toHaveText('100% · 3 of 3 points');
  await preview.close();
  await expect(page.getByRole('button', { name: 'Preview as learner' })).toBeFocused();

  // Keep progress: the preview now lives in this tab's storage, so a reload resumes where the learner was.
  await preview.open();
  await expect(preview.questions).toHaveText([/To answer/, /To answer/, /To answer/]);
  await preview.toggleKeepProgress();
  await expect(preview.keepProgress).toBeChecked();
  await preview.waitForPlayer();
  await preview.setSpeed('2');
  await preview.play();
  await preview.expectQuestionAt(3, 'What colour is a clear sky?');
  await preview.answerChoice('Blue');
  await preview.continue();
  await expect.poll(() => preview.currentTime(), { timeout: 15_000 }).toBeGreaterThan(4.5);
  const before = await preview.currentTime();
  await page.reload();
  await editor.expectReady();
  await preview.open();
  await expect(preview.keepProgress).toBeChecked();
  await expect(preview.notice).toContainText('Welcome back');
  const after = await preview.currentTime();
  expect(Math.abs(after - before), `left at ${before}s, resumed at ${after}s`).toBeLessThan(1);
  await expect(preview.questions).toHaveText([
    /Question 1\s*Correct/,
    /Question 2\s*To answer/,
    /Question 3\s*To answer/,
  ]);
});

test('a hostile prompt shows as text in the editor and in the player, and runs nothing', async ({ page, host }) => {
  const { lessonId } = await lessonWithTake(host, { screen: screenFixture() });
  const editor = new EditorPage(page);
  const question = new QuestionEditor(page);
  const preview = new LearnerPreview(page);
  const pwned = () => page.evaluate(() => (globalThis as unknown as { __pwned?: unknown }).__pwned);
  await editor.goto(host.url, lessonId);

  await editor.seekToSecond(1);
  await editor.shortcut('q');
  await question.chooseType('True or false');
  await question.writePrompt(HOSTILE);
  await expect(question.preview).toHaveText(HOSTILE);
  expect(await question.preview.locator('img, script').count()).toBe(0);
  await question.trueOrFalse('True');
  await question.submit();
  expect(await pwned()).toBeUndefined();

  await preview.open();
  await preview.play();
  await preview.expectQuestionAt(1, HOSTILE);
  expect(await preview.question.locator('img, script').count()).toBe(0);
  expect(await pwned()).toBeUndefined();
});

test('a teacher counts only first attempts and reveals the answer after the last one', async ({ page, host }) => {
  const { lessonId } = await lessonWithTake(host, { screen: screenFixture() });
  const editor = new EditorPage(page);
  const question = new QuestionEditor(page);
  const preview = new LearnerPreview(page);
  await editor.goto(host.url, lessonId);

  await page.getByRole('button', { name: 'Learner rules' }).click();
  const rules = page.getByRole('dialog', { name: 'Learner rules' });
  await rules.getByText('The first attempt only: later tries are for practice').click();
  await rules.getByRole('button', { name: 'Save rules' }).click();
  await expect(rules).toBeHidden();

  await editor.seekToSecond(2);
  await editor.shortcut('q');
  await question.chooseType('True or false');
  await question.writePrompt('The sky is blue.');
  await question.trueOrFalse('True');
  await question.submit();

  await editor.seekToSecond(5);
  await editor.shortcut('q');
  await question.writePrompt('Which is a force?');
  await question.fill('Choice 1', 'Colour');
  await question.fill('Choice 2', 'Gravity');
  await question.markCorrect(2);
  const reveal = question.dialog.getByRole('checkbox', { name: 'Show the right answer after the last attempt' });
  await expect(reveal).toHaveCount(0);
  await question.dialog.getByRole('radiogroup', { name: 'Attempts' }).getByText('Limited', { exact: true }).click();
  await question.fill('Number of attempts', '2');
  // React Aria's checkbox input is visually hidden: a teacher clicks its words.
  await question.dialog.getByText('Show the right answer after the last attempt').click();
  await expect(reveal).toBeChecked();
  await question.submit();
  await editor.expectSaved();

  await preview.open();
  await preview.setSpeed('2');
  await preview.play();
  await preview.expectQuestionAt(2, 'The sky is blue.');
  await preview.answerChoice('False');
  await expect(preview.question.locator('.fs-verdict')).toHaveText('Not quite');
  await preview.question.getByRole('button', { name: 'Try again' }).click();
  await expect(
    preview.question.getByRole('radio', { name: 'False' }),
    'trying again starts at the answer the learner gave',
  ).toBeFocused();
  await preview.answerChoice('True');
  await expect(preview.question.locator('.fs-verdict')).toHaveText('Correct');
  await preview.continue();

  await preview.expectQuestionAt(5, 'Which is a force?');
  await preview.answerChoice('Colour');
  await expect(preview.question.locator('.fs-feedback')).not.toContainText('The right answer');
  await preview.question.getByRole('button', { name: 'Try again' }).click();
  await preview.answerChoice('Colour');
  await expect(preview.question.getByText('No attempts left')).toBeVisible();
  await expect(preview.question.locator('.fs-right-answer')).toHaveText(/The right answer\s*Gravity/);
  await preview.continue();

  // Right on the second try earns nothing under this rule, so nothing was earned at all.
  await expect(preview.summary).toBeVisible({ timeout: 15_000 });
  await expect(preview.summary.locator('.fs-score')).toHaveText('0% · 0 of 2 points');
});
