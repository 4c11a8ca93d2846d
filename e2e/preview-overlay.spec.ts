import { test, expect } from './fixtures';
import { EditorPage } from './pages/EditorPage';
import { LearnerPreview } from './pages/LearnerPreview';
import { cameraFixture, lessonWithTake, rpc, screenFixture } from './support/editorLesson';
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
  const document = await rpc<LessonDocument>(host, 'editor.open', { lessonId });
  await rpc(host, 'editor.apply', {
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
