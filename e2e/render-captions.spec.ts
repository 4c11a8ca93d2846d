import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { test, expect } from './fixtures';
import { RendersPanel } from './pages/RendersPanel';
import { expectAccessible } from './support/axe';
import { rpc, seedLesson } from './support/rpc';
import { makeSyncClip, setCuts } from './renderMedia';
import { addCaptions, addTake } from './support/editorLesson';
import { writeSubtitles } from '../src/shared/captions/subtitleFiles';
import { streamPacketsMd5, subtitleSrt, subtitleStreams } from '../src/main/files/captionedMp4.testkit';
import type { Render } from '../src/shared/media/renders';

const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'flipside-render-captions-'));
test.afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

test('Save as… of a render carries the lesson’s captions as a subtitle track, on the cut lesson’s clock', async ({
  page,
  host,
}) => {
  const clip = path.join(dir, 'sync.mp4');
  makeSyncClip(clip);
  const { lessonId } = await seedLesson(host, 'Physics', 'Momentum');
  await addTake(host, lessonId, { screen: clip });
  await setCuts(host, lessonId, [{ start: 1500, end: 3000 }]);
  await addCaptions(host, lessonId, [
    {
      label: 'English',
      srclang: 'en',
      cues: [
        [500, 1200, 'Before the cut'],
        [1800, 2600, 'Inside the cut'],
        [4000, 5000, 'After the cut'],
      ],
    },
  ]);

  await page.goto(`${host.url}#/lesson/${lessonId}`);
  const panel = new RendersPanel(page);
  await panel.render(['360p']);
  await panel.waitDone('360p');
  const [render] = await rpc<Render[]>(host, 'app:renders.list', { lessonId });
  const renderFile = path.join(host.dataDir, 'media', ...render!.path.split('/'));

  // Captions are on unless the teacher turns them off.
  const dialog = await panel.openSaveDialog('360p');
  const include = dialog.getByRole('checkbox', { name: /Include captions \(English\)/ });
  await expect(include).toBeChecked();
  await page.screenshot({ path: test.info().outputPath('save-with-captions.png') });
  await expectAccessible(page, 'the save dialog with captions');
  const download = page.waitForEvent('download');
  await dialog.getByRole('button', { name: 'Save as…' }).click();
  const saved = await download;
  await expect(dialog).toBeHidden();
  expect(saved.suggestedFilename()).toBe('Momentum (360p).mp4');
  const withCaptions = path.join(dir, 'with-captions.mp4');
  await saved.saveAs(withCaptions);

  expect(subtitleStreams(withCaptions)).toEqual([
    { codec: 'mov_text', tag: 'tx3g', language: 'eng', name: 'English', isDefault: true },
  ]);
  // The cue inside the cut is left out and the one after it moves 1.5 s earlier, as in the published VTT.
  expect(subtitleSrt(withCaptions, 0)).toBe(
    `${writeSubtitles(
      [
        { start: 500, end: 1200, text: 'Before the cut' },
        { start: 2500, end: 3500, text: 'After the cut' },
      ],
      'srt',
    )}\n`,
  );
  for (const stream of ['v:0', 'a:0'])
    expect(streamPacketsMd5(withCaptions, stream), stream).toBe(streamPacketsMd5(renderFile, stream));

  // Turned off, the copy is the render byte for byte.
  const again = await panel.openSaveDialog('360p');
  await again.getByRole('checkbox', { name: /Include captions/ }).click({ force: true });
  const plainDownload = page.waitForEvent('download');
  await again.getByRole('button', { name: 'Save as…' }).click();
  const plain = path.join(dir, 'plain.mp4');
  await (await plainDownload).saveAs(plain);
  expect(fs.readFileSync(plain).equals(fs.readFileSync(renderFile))).toBe(true);

  // Cut again after rendering: the render's captions would no longer line up, and the dialog says so.
  await setCuts(host, lessonId, [{ start: 1500, end: 4000 }]);
  const stale = await panel.openSaveDialog('360p');
  await expect(stale.getByRole('checkbox')).toHaveCount(0);
  await expect(stale).toContainText('render it again to include them');
});
