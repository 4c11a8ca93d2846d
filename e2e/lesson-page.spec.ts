import { test, expect } from './fixtures';
import { LessonPage } from './pages/LessonPage';
import { PublishDialog } from './pages/PublishDialog';
import { cameraFixture, lessonWithTake, screenFixture } from './support/editorLesson';
import { rpc } from './support/rpc';
import { expectAccessible } from './support/axe';
import type { LessonDocument } from '../src/shared/editor/document';

const SIZES = [
  { width: 1280, height: 800 },
  { width: 1024, height: 700 },
];

interface MediaLike {
  currentTime: number;
  paused: boolean;
  muted: boolean;
  play(): Promise<void>;
}

/** A 12 s take with its 2–4 s cut and a key moment: a 10 s lesson. */
async function editedLesson(host: Parameters<typeof lessonWithTake>[0]) {
  const created = await lessonWithTake(host, { screen: screenFixture(), camera: cameraFixture() }, 'Forces');
  const document = await rpc<LessonDocument>(host, 'app:editor.open', { lessonId: created.lessonId });
  await rpc(host, 'app:editor.apply', {
    takeId: created.takeId,
    baseRevision: document.revision,
    editList: { ...document.editList, cuts: [{ start: 2_000, end: 4_000 }] },
    upsertMarkers: [{ id: '00000000-0000-4000-8000-0000000000e1', sourceMs: 6_000, title: 'Newton', note: '' }],
  });
  return created;
}

for (const size of SIZES) {
  test(`at ${size.width}×${size.height} the lesson page plays the edited lesson, not the raw take, under its steps`, async ({
    page,
    host,
  }, testInfo) => {
    await page.setViewportSize(size);
    const { lessonId } = await editedLesson(host);
    const lesson = new LessonPage(page);
    await lesson.goto(host.url, lessonId, 'Forces');

    await expect(lesson.step('Record')).toHaveText(/^Record: done\. *0:12 recorded$/);
    await expect(lesson.step('Edit')).toHaveText(/^Edit: done\. *1 cut, 1 key moment \(0:10\)$/);
    await expect(lesson.step('Questions')).toHaveText(/^Questions: next\. *No questions yet$/);
    await expect(lesson.step('Questions'), 'the next step is the current one').toHaveAttribute('aria-current', 'step');
    await expect(lesson.step('Publish')).toHaveText(/^Publish: not yet\. *Ready when you are$/);

    // The learner's player, on the lesson's clock: 10 s, not the take's 12 s, with the camera drawn over the screen.
    const seek = lesson.lessonPlayer.getByRole('slider', { name: 'Seek' });
    await expect(seek).toHaveAttribute('aria-valuetext', /of 10 seconds$/);
    await expect(lesson.camera).toBeVisible();
    await expect(lesson.lessonPlayer.getByRole('heading', { level: 1 }), 'the page names the lesson once').toHaveCount(
      0,
    );
    await page.screenshot({ path: testInfo.outputPath(`lesson-page-${size.width}x${size.height}.png`) });
    await expectAccessible(page, `the lesson page at ${size.width}×${size.height}`);

    // Played from 1.5 s: the picture goes from the take's 2 s straight to its 4 s, never showing what was cut.
    await lesson.player.evaluate((media) => {
      const element = media as unknown as MediaLike;
      element.muted = true;
      element.currentTime = 1.5;
    });
    await lesson.lessonPlayer.getByRole('button', { name: 'Play', exact: true }).first().click();
    let inCut = false;
    await expect
      .poll(
        async () => {
          const time = await lesson.player.evaluate((media) => (media as unknown as MediaLike).currentTime);
          inCut ||= time > 2.2 && time < 3.8;
          return time;
        },
        { timeout: 15_000, intervals: [50] },
      )
      .toBeGreaterThan(4.3);
    expect(inCut, 'the player showed a part that was cut').toBe(false);
  });
}

test('the lesson’s end takes focus from inside the player, never from the page around it', async ({ page, host }) => {
  const { lessonId } = await editedLesson(host);
  const lesson = new LessonPage(page);
  await lesson.goto(host.url, lessonId, 'Forces');
  const summary = lesson.lessonPlayer.getByRole('dialog', { name: 'Lesson finished' });
  const controls = lesson.lessonPlayer.locator('.fs-controls');
  const playNearEnd = async () => {
    await lesson.player.evaluate((media) => {
      const element = media as unknown as MediaLike;
      element.muted = true;
      element.currentTime = 8.5;
    });
    await controls.getByRole('button', { name: 'Play', exact: true }).click();
  };

  // The learner pressed Play in the player: the end's dialog takes focus, and gives it back when closed.
  await playNearEnd();
  await expect(summary).toBeVisible({ timeout: 15_000 });
  await expect(summary.getByRole('heading', { name: 'Lesson finished' })).toBeFocused();
  await page.keyboard.press('Escape');
  await expect(summary).toBeHidden();
  await expect(controls.getByRole('button', { name: 'Watch again' })).toBeFocused();

  // The teacher went on to another control of the page while it played: the end comes, the focus stays.
  await page.reload();
  await lesson.expectOpen('Forces');
  await playNearEnd();
  const render = page.getByRole('button', { name: 'Render…' });
  await render.focus();
  await expect(summary).toBeVisible({ timeout: 15_000 });
  await expect(render, 'the player’s end dialog left the teacher’s focus where it was').toBeFocused();
  await summary.getByRole('button', { name: 'Close' }).click();
  await expect(summary).toBeHidden();
});

test('while the edit loads the player keeps its place, so nothing below it moves when it comes in', async ({
  page,
  host,
}) => {
  // No key moments, notes or captions: the player has no side panel, so its size is known before its lesson is.
  const { lessonId } = await lessonWithTake(host, { screen: screenFixture(), camera: cameraFixture() }, 'Forces');
  for (const size of SIZES) {
    await page.setViewportSize(size);
    let release: () => void = () => undefined;
    const held = new Promise<void>((resolve) => (release = resolve));
    await page.route(/\/rpc\/app(:|%3A)editor\.open/, async (route) => {
      await held;
      await route.continue();
    });
    const lesson = new LessonPage(page);
    await lesson.goto(host.url, lessonId, 'Forces');
    const place = page.getByRole('region', { name: 'The lesson as learners see it' });
    await expect(place).toHaveAttribute('aria-busy', 'true');
    const recordings = page.getByRole('heading', { level: 2, name: 'Recordings' });
    const before = await recordings.boundingBox();
    release();
    await expect(place.getByRole('slider', { name: 'Seek' })).toBeVisible();
    await expect(place).not.toHaveAttribute('aria-busy');
    const after = await recordings.boundingBox();
    expect(Math.abs((after?.y ?? 0) - (before?.y ?? -100)), `at ${size.width}×${size.height}`).toBeLessThan(2);
    await page.unroute(/\/rpc\/app(:|%3A)editor\.open/);
  }
});

test('with no render, Publish… renders and publishes in one go, with progress and cancel for both; the Publish step is then done', async ({
  page,
  host,
}, testInfo) => {
  // The fixture's screen has B-frames, so the recording cannot be copied into the package: the lesson needs a render.
  const { lessonId } = await editedLesson(host);
  const lesson = new LessonPage(page);
  await lesson.goto(host.url, lessonId, 'Forces');
  const publish = new PublishDialog(page);
  await publish.open();
  await publish.chooseFormat('Web folder');
  await expect(publish.video('Rendered video files')).toBeChecked();
  await expect(publish.dialog.getByText('No up-to-date render yet')).toBeVisible();
  const sizes = publish.dialog.getByRole('group', { name: 'Sizes to render' });
  await expect(sizes.getByRole('checkbox', { name: /^360p/ })).toBeChecked();
  await expectAccessible(page, 'the publish dialog offering to render first');

  // Cancelled while rendering: back at the settings, nothing rendered or published.
  await publish.dialog.getByRole('button', { name: 'Render and publish Web folder' }).click();
  await expect(publish.progress).toHaveAccessibleName(/^Rendering 360p…/);
  await page.screenshot({ path: testInfo.outputPath('render-and-publish.png') });
  await publish.dialog.getByRole('button', { name: 'Cancel' }).click();
  await expect(publish.dialog.getByRole('button', { name: 'Render and publish Web folder' })).toBeEnabled();
  await expect(publish.dialog.getByRole('alert')).toHaveCount(0);
  expect(await rpc<{ status: string }[]>(host, 'app:renders.list', { lessonId })).toEqual([]);

  await publish.dialog.getByRole('button', { name: 'Render and publish Web folder' }).click();
  await expect(publish.progress).toHaveAccessibleName(/^Rendering 360p…/);
  await expect(publish.dialog.getByText('The web folder is ready')).toBeVisible({ timeout: 120_000 });
  const [render] = await rpc<{ status: string; label: string }[]>(host, 'app:renders.list', { lessonId });
  expect(render, 'the render is kept with the lesson').toMatchObject({ status: 'ready', label: '360p' });
  await publish.dialog.getByRole('button', { name: 'Close' }).click();
  await expect(lesson.step('Publish')).toHaveText(/^Publish: done\. *Published: .+$/);

  // Back in the dialog the render is up to date, so it publishes straight away.
  await publish.open();
  await publish.chooseFormat('Web folder');
  await expect(publish.dialog.getByRole('button', { name: 'Publish Web folder' })).toBeEnabled();
});
