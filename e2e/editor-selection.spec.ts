import { test, expect } from './fixtures';
import { EditorPage } from './pages/EditorPage';
import { lessonWithTake, screenFixture } from './support/editorLesson';
import { rpc } from './support/rpc';
import type { LessonDocument } from '../src/shared/editor/document';

const CALLOUT_ID = '11111111-1111-4111-8111-111111111111';
const MARKER_ID = '22222222-2222-4222-8222-222222222222';

/** A 12 s take with 4–6 s cut (a 10 s lesson), a text callout over all of it and a key moment at 2 s. */
async function lessonWithCutAndCallout(host: Parameters<typeof lessonWithTake>[0]): Promise<string> {
  const { lessonId } = await lessonWithTake(host, { screen: screenFixture() });
  const doc = await rpc<LessonDocument>(host, 'app:editor.open', { lessonId });
  await rpc(host, 'app:editor.apply', {
    takeId: doc.takeId,
    baseRevision: doc.revision,
    editList: { ...doc.editList, cuts: [{ start: 4_000, end: 6_000 }] },
    upsertCallouts: [
      {
        id: CALLOUT_ID,
        kind: 'text',
        sourceStart: 0,
        sourceEnd: 12_000,
        box: { x: 0.3, y: 0.1, w: 0.4, h: 0.15 },
        text: 'Look here',
        burnIn: true,
      },
    ],
    upsertMarkers: [{ id: MARKER_ID, sourceMs: 2_000, title: 'Newton', note: '' }],
  });
  return lessonId;
}

test('selecting a callout on the picture replaces the section selection: Delete deletes the callout, not the section', async ({
  page,
  host,
}) => {
  const lessonId = await lessonWithCutAndCallout(host);
  const editor = new EditorPage(page);
  await editor.goto(host.url, lessonId);
  await expect(editor.duration).toHaveText('0:10.0');

  // A click inside the second section selects it, and the bar says what Delete will do.
  await editor.clickTimelineAt(0.7);
  await expect(editor.selection).toContainText('Section 0:04.0–0:10.0');
  await expect(editor.selection.getByRole('button', { name: 'Cut this section' })).toBeVisible();

  // Choosing the callout on the picture replaces that selection.
  await page
    .getByTestId('preview-frame')
    .getByRole('button', { name: /^Text callout “Look here”/ })
    .click();
  await expect(editor.selection).toContainText('Text callout “Look here”');
  await expect(editor.selection.getByRole('button', { name: 'Delete this callout' })).toBeVisible();
  await expect(editor.selection.getByRole('button', { name: 'Cut this section' })).toHaveCount(0);

  await page.keyboard.press('Delete');
  await expect(editor.tab('Callouts')).toContainText('0');
  await expect(editor.duration).toHaveText('0:10.0');
  await expect(page.getByTestId('preview-frame').getByRole('button', { name: /^Text callout/ })).toHaveCount(0);
  await expect(editor.selection).not.toContainText('Selected');
});

test('a callout chosen in the Callouts tab replaces the section selection, and its button deletes it', async ({
  page,
  host,
}) => {
  const lessonId = await lessonWithCutAndCallout(host);
  const editor = new EditorPage(page);
  await editor.goto(host.url, lessonId);

  await editor.clickTimelineAt(0.7);
  await expect(editor.selection).toContainText('Section 0:04.0–0:10.0');
  await editor.tab('Callouts').click();
  await editor
    .list('Callouts')
    .getByRole('row', { name: /Look here/ })
    .click();
  await expect(editor.selection).toContainText('Text callout “Look here”');

  // The button beside the selection does what Delete does: the callout goes, the lesson keeps its length.
  await editor.selection.getByRole('button', { name: 'Delete this callout' }).click();
  await expect(editor.tab('Callouts')).toContainText('0');
  await expect(editor.duration).toHaveText('0:10.0');

  // And a section's button cuts the section, as Delete would.
  await editor.clickTimelineAt(0.7);
  await editor.selection.getByRole('button', { name: 'Cut this section' }).click();
  await expect(editor.duration).toHaveText('0:04.0');
});

test('a key moment reached with Tab is what Delete deletes', async ({ page, host }) => {
  const lessonId = await lessonWithCutAndCallout(host);
  const editor = new EditorPage(page);
  await editor.goto(host.url, lessonId);

  await editor.clickTimelineAt(0.7);
  await expect(editor.selection).toContainText('Section 0:04.0–0:10.0');
  const flag = editor.timeline.getByRole('button', { name: /^Key moment “Newton”/ });
  await editor.tabTo(flag);
  await expect(flag).toBeFocused();
  await expect(editor.selection).toContainText('Key moment “Newton”');
  await page.keyboard.press('Delete');
  await expect(editor.tab('Key moments')).toContainText('0');
  await expect(editor.duration).toHaveText('0:10.0');
  await expect(editor.tab('Callouts')).toContainText('1');
});
