import { test, expect } from './fixtures';
import { EditorPage } from './pages/EditorPage';
import { LearnerPreview } from './pages/LearnerPreview';
import { cameraFixture, lessonWithTake, screenFixture } from './support/editorLesson';
import { rpc } from './support/rpc';
import { drawnAt } from './support/overlay';
import type { LessonDocument } from '../src/shared/editor/document';

const SHOWN = { x: 0.1, y: 0.1, w: 0.3, h: 0.3 };
const IN_CUT = { x: 0.55, y: 0.1, w: 0.3, h: 0.3 };
const CAPTIONS = '00000000-0000-4000-8000-0000000000a1';

test('before any render, Preview as learner draws the callouts and the camera, offers captions, hides what is cut', async ({
  page,
  host,
}) => {
  const { lessonId, takeId } = await lessonWithTake(host, { screen: screenFixture(), camera: cameraFixture() });
  const document = await rpc<LessonDocument>(host, 'app:editor.open', { lessonId });
  await rpc(host, 'app:editor.apply', {
    takeId,
    baseRevision: document.revision,
    editList: { ...document.editList, cuts: [{ start: 500, end: 2_000 }] },
    upsertCallouts: [
      { id: '00000000-0000-4000-8000-0000000000c1', kind: 'highlight', sourceStart: 0, sourceEnd: 6_000, box: SHOWN },
      {
        id: '00000000-0000-4000-8000-0000000000c2',
        kind: 'text',
        sourceStart: 600,
        sourceEnd: 1_900,
        box: IN_CUT,
        text: 'Cut',
      },
    ],
    upsertCaptionTracks: [{ id: CAPTIONS, label: 'English', srclang: 'en' }],
    upsertCaptionCues: [
      {
        id: '00000000-0000-4000-8000-0000000000d1',
        trackId: CAPTIONS,
        sourceStart: 0,
        sourceEnd: 5_000,
        text: 'Hello',
      },
    ],
  });

  const editor = new EditorPage(page);
  await editor.goto(host.url, lessonId);
  const preview = new LearnerPreview(page);
  await preview.open();
  await expect(preview.overlay.getByRole('group', { name: /Teacher’s camera/ })).toBeVisible();
  const drawn = (box: typeof SHOWN) => drawnAt(preview.overlay.locator('canvas.fs-callouts'), box);
  // The highlight shows from the start, as the render would burn it in; the text inside the cut never does.
  await expect.poll(() => drawn(SHOWN)).toBeGreaterThan(0);
  expect(await drawn(IN_CUT)).toBe(0);
  await expect(preview.overlay.locator('.fs-controls').getByRole('button', { name: 'Captions' })).toBeVisible();
  if (process.env.PUBLISH_SHOTS) await page.screenshot({ path: `${process.env.PUBLISH_SHOTS}/preview-overlay.png` });
});

test('a callout wholly inside a cut stays listed, marked cut out, but is never drawn: in the editor, selected or not, nor in the preview', async ({
  page,
  host,
}) => {
  const { lessonId, takeId } = await lessonWithTake(host, { screen: screenFixture() });
  const document = await rpc<LessonDocument>(host, 'app:editor.open', { lessonId });
  await rpc(host, 'app:editor.apply', {
    takeId,
    baseRevision: document.revision,
    editList: { ...document.editList, cuts: [{ start: 2_000, end: 4_000 }] },
    upsertCallouts: [
      {
        id: '00000000-0000-4000-8000-0000000000c3',
        kind: 'text',
        sourceStart: 2_500,
        sourceEnd: 3_500,
        box: IN_CUT,
        text: 'Gone',
      },
      {
        id: '00000000-0000-4000-8000-0000000000c4',
        kind: 'text',
        sourceStart: 5_000,
        sourceEnd: 5_800,
        box: SHOWN,
        text: 'Kept',
      },
    ],
  });
  const editor = new EditorPage(page);
  await editor.goto(host.url, lessonId);
  await editor.tab('Callouts').click();
  const picture = page.getByTestId('preview-frame');
  const gone = editor.list('Callouts').getByRole('row', { name: /Gone/ });
  await expect(gone, 'listed, and marked as inside a cut').toContainText('Cut out');
  await gone.click();
  await expect(gone).toHaveAttribute('aria-selected', 'true');
  await expect(editor.selection, 'selected all the same, saying why it is not drawn').toContainText(
    'Text callout “Gone”, inside a cut: not shown',
  );
  await expect(picture.getByRole('button', { name: /callout “Gone”/ }), 'not drawn on the picture').toHaveCount(0);
  // A kept callout selected is drawn, so it can be placed: the layer itself is not simply empty.
  await editor.list('Callouts').getByRole('row', { name: /Kept/ }).click();
  await expect(picture.getByRole('button', { name: /callout “Kept”/ })).toBeVisible();
  await expect(picture.getByRole('button', { name: /callout “Gone”/ })).toHaveCount(0);

  const preview = new LearnerPreview(page);
  await preview.open();
  const drawn = (box: typeof SHOWN) => drawnAt(preview.overlay.locator('canvas.fs-callouts'), box);
  // Played through the cut (lesson 2 s) to "Kept" (source 5–5.8 s is lesson 3–3.8 s); "Gone" is never drawn on the way.
  await preview.play();
  let goneDrawn = false;
  await expect
    .poll(
      async () => {
        goneDrawn ||= (await drawn(IN_CUT)) > 0;
        return drawn(SHOWN);
      },
      { timeout: 15_000, intervals: [50] },
    )
    .toBeGreaterThan(0);
  expect(goneDrawn, 'the callout inside the cut was drawn while playing through it').toBe(false);
  expect(await drawn(IN_CUT)).toBe(0);
});
