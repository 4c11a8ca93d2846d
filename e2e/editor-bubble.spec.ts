import { test, expect } from './fixtures';
import { EditorPage } from './pages/EditorPage';
import { cameraFixture, lessonWithTake, screenFixture } from './support/editorLesson';
import { rpc } from './support/rpc';

interface OpenedLayout {
  layout: { placement: { kind: string; x?: number; y?: number }; hidden: { start: number; end: number }[] };
}

test('a teacher drags the camera bubble, hides it over a range, and the preview follows', async ({ page, host }) => {
  const { lessonId } = await lessonWithTake(host, { screen: screenFixture(), camera: cameraFixture() });
  const editor = new EditorPage(page);
  await editor.goto(host.url, lessonId);
  const bubble = page.getByTestId('camera-bubble');
  const frame = page.getByTestId('preview-frame');
  await expect(bubble).toHaveAttribute('data-placement', 'corner');

  // Drag the bubble from its corner (bottom right) to the top-left area of the frame.
  const from = await bubble.boundingBox();
  const box = await frame.boundingBox();
  if (!from || !box) throw new Error('The preview is not laid out');
  await page.mouse.move(from.x + from.width / 2, from.y + from.height / 2);
  await page.mouse.down();
  await page.mouse.move(box.x + box.width * 0.25, box.y + box.height * 0.3, { steps: 8 });
  await page.mouse.up();
  await expect(bubble).toHaveAttribute('data-placement', 'free');
  const dropped = await bubble.boundingBox();
  expect(dropped && dropped.x < box.x + box.width / 2 && dropped.y < box.y + box.height / 2).toBe(true);

  // The arrow keys nudge it once focused; one undo takes back the nudges, the next the drag.
  await bubble.focus();
  await page.keyboard.press('Shift+ArrowRight');
  await expect.poll(async () => (await bubble.boundingBox())?.x).toBeGreaterThan(dropped?.x ?? 0);
  await editor.undo();
  await expect.poll(async () => (await bubble.boundingBox())?.x).toBeCloseTo(dropped?.x ?? 0, 0);
  await editor.undo();
  await expect(bubble).toHaveAttribute('data-placement', 'corner');
  await editor.redo();
  await expect(bubble).toHaveAttribute('data-placement', 'free');

  // Select 2–4 s with in and out points and hide the camera there, from the Camera tab.
  await editor.seekToSecond(2);
  await editor.shortcut('i');
  await editor.seekToSecond(4);
  await editor.shortcut('o');
  await editor.tab('Camera').click();
  await page.getByRole('tabpanel', { name: 'Camera' }).getByRole('button', { name: 'Hide camera here' }).click();
  const hiddenList = page.getByRole('list', { name: 'Ranges where the camera is hidden' });
  await expect(hiddenList.getByRole('listitem')).toHaveText([/0:02\.0–0:04\.0/]);
  await expect(page.getByTestId('camera-hidden-band')).toHaveCount(1);
  await editor.expectSaved();

  // Saved: after a reload the service has the free placement and the hidden range in source time.
  await page.reload();
  await editor.expectReady();
  const saved = await rpc<OpenedLayout>(host, 'app:editor.open', { lessonId });
  expect(saved.layout.placement.kind).toBe('free');
  expect(saved.layout.hidden).toHaveLength(1);
  expect(Math.abs((saved.layout.hidden[0]?.start ?? 0) - 2_000)).toBeLessThan(100);
  expect(Math.abs((saved.layout.hidden[0]?.end ?? 0) - 4_000)).toBeLessThan(100);

  // The preview hides the bubble inside the range and shows it outside.
  await editor.seekToSecond(3);
  await expect(bubble).toBeHidden();
  await editor.seekToSecond(5);
  await expect(bubble).toBeVisible();
  await editor.seekToSecond(1);
  await expect(bubble).toBeVisible();

  if (process.env.BUBBLE_SHOTS) {
    await page.setViewportSize({ width: 1280, height: 1000 });
    await editor.tab('Camera').click();
    await page.screenshot({ path: `${process.env.BUBBLE_SHOTS}/bubble-camera-tab.png` });
    await page.setViewportSize({ width: 1280, height: 800 });
  }

  // Nothing rendered yet: the learner preview plays the recording with the player drawing the camera, where the
  // teacher put it, as a package of the recording will.
  await page.getByRole('button', { name: 'Preview as learner' }).click();
  const preview = page.getByRole('dialog', { name: 'Preview as learner' });
  const learnerBubble = preview.getByRole('group', { name: /Teacher’s camera/ });
  await expect(learnerBubble).toBeVisible();
  await expect(page.getByTestId('preview-note')).toHaveCount(0);
  const stage = await preview.locator('.fs-media').boundingBox();
  const placed = await learnerBubble.boundingBox();
  expect(placed && stage ? placed.x > stage.x && placed.x + placed.width < stage.x + stage.width : false).toBe(true);
  if (process.env.BUBBLE_SHOTS)
    await page.screenshot({ path: `${process.env.BUBBLE_SHOTS}/bubble-learner-preview.png` });
  await page.getByRole('button', { name: 'Close preview' }).click();

  // Show the camera again from the list.
  await editor.tab('Camera').click();
  await page.getByRole('button', { name: /^Show camera again/ }).click();
  await expect(hiddenList).toBeHidden();
});
