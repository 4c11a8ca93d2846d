import { FAKE_MEDIA_LAUNCH } from './chromium';
import { test, expect } from './fixtures';
import { EditorPage } from './pages/EditorPage';
import { LessonPage } from './pages/LessonPage';
import { RecorderPage } from './pages/RecorderPage';
import { addTake, lessonWithTake, mediaFixture, screenFixture } from './support/editorLesson';
import { rpc } from './support/rpc';
import { expectAccessible } from './support/axe';

test.use({ launchOptions: FAKE_MEDIA_LAUNCH });

/** 5 s of test picture: a second recording shorter than the lesson's 12 s one. */
const shortScreen = () =>
  mediaFixture('screen-5s.mp4', [
    '-f',
    'lavfi',
    '-i',
    'testsrc2=size=640x360:rate=30',
    '-t',
    '5',
    '-c:v',
    'libx264',
    '-g',
    '30',
    '-pix_fmt',
    'yuv420p',
  ]);

interface Doc {
  takeId: string;
  revision: number;
}

test('switching the recording asks first, copies key moments and questions by time, and names what is past the end', async ({
  page,
  host,
}) => {
  const { lessonId } = await lessonWithTake(host, { screen: screenFixture() }, 'Forces');
  const opened = await rpc<Doc>(host, 'app:editor.open', { lessonId });
  await rpc(host, 'app:editor.apply', {
    takeId: opened.takeId,
    baseRevision: opened.revision,
    upsertMarkers: [
      { id: crypto.randomUUID(), sourceMs: 2_000, title: 'Intro', note: '' },
      { id: crypto.randomUUID(), sourceMs: 10_000, title: 'Summary', note: '' },
    ],
    upsertCheckpoints: [
      {
        id: crypto.randomUUID(),
        sourceMs: 3_000,
        type: 'trueFalse',
        prompt: 'Is a force a push or a pull?',
        answer: true,
      },
    ],
  });
  await addTake(host, lessonId, { screen: shortScreen() }, 'Short version');

  const lesson = new LessonPage(page);
  await lesson.goto(host.url, lessonId, 'Forces');
  await expect(lesson.take('Recording 1')).toContainText('Used in the lesson');
  const dialog = await lesson.useRecording('Short version');
  await expect(dialog).toContainText('The lesson now uses “Recording 1”');
  const copy = dialog.getByRole('checkbox', { name: /Copy its 2 key moments and 1 question to “Short version”/ });
  await expect(copy).toBeChecked();
  await expectAccessible(page, 'the switch-recording dialog');
  await dialog.getByRole('button', { name: 'Use “Short version”' }).click();

  await expect(dialog).toBeHidden();
  await expect(lesson.take('Short version')).toContainText('Used in the lesson');
  const notice = page.getByRole('status').filter({ hasText: 'Past the end of “Short version”' });
  await expect(notice).toContainText('key moment “Summary”');

  const editor = new EditorPage(page);
  await page.getByRole('link', { name: 'Edit' }).click();
  await editor.expectReady();
  await expect(page.getByRole('button', { name: /^Key moment “Intro” at 0:02/ })).toBeVisible();
  await expect(page.getByRole('button', { name: /^Key moment “Summary” at 0:05.*, cut out$/ })).toBeVisible();
  await expect(page.getByRole('button', { name: /^Question “Is a force a push or a pull\?” at 0:03/ })).toBeVisible();

  await page.getByRole('link', { name: 'Lesson', exact: true }).click();
  const back = await lesson.useRecording('Recording 1');
  await back.getByText(/^Copy its/).click();
  await expect(back.getByRole('checkbox', { name: /Copy its/ })).not.toBeChecked();
  await back.getByRole('button', { name: 'Use “Recording 1”' }).click();
  await expect(lesson.take('Recording 1')).toContainText('Used in the lesson');
  await page.getByRole('link', { name: 'Edit' }).click();
  await editor.expectReady();
  await expect(
    page.getByRole('button', { name: /^Key moment “Summary” at 0:10/ }),
    'its own work is back',
  ).toBeVisible();
  await expect(page.getByRole('button', { name: /^Key moment “/ })).toHaveCount(2);
});

test.describe('a new recording', () => {
  test('is offered, not silently made the lesson’s recording', async ({ page, context, host }) => {
    const { lessonId } = await lessonWithTake(host, { screen: screenFixture() }, 'Forces');
    await context.grantPermissions(['camera', 'microphone'], { origin: host.origin });
    const recorder = new RecorderPage(page);
    await recorder.readyToRecord(host.url, lessonId, 'Screen');
    await recorder.record();
    await expect.poll(() => recorder.elapsedMs(), { timeout: 10_000 }).toBeGreaterThan(1_000);
    await recorder.stop();

    const lesson = new LessonPage(page);
    await lesson.expectOpen('Forces');
    const dialog = lesson.switchDialog('Recording 2');
    await expect(dialog).toContainText('“Recording 2” is saved.');
    await dialog.getByRole('button', { name: 'Keep “Recording 1”' }).click();
    await expect(dialog).toBeHidden();
    await expect(lesson.take('Recording 1')).toContainText('Used in the lesson');
    await expect(
      lesson.take('Recording 2').getByRole('button', { name: 'Use this recording: Recording 2' }),
    ).toBeVisible();
  });
});
