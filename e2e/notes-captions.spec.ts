import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { test, expect } from './fixtures';
import { EditorPage } from './pages/EditorPage';
import { NotesCaptionsPanel } from './pages/NotesCaptionsPanel';
import type { LessonDocument } from '../src/shared/editor/document';
import { spokenLesson } from '../src/main/testing/speechFixture';
import { publishableLesson, publishOverRpc } from './lms/publishedLesson';
import { PublishedLessonPage } from './pages/PublishedLessonPage';
import { lessonWithTake } from './support/editorLesson';
import { rpc } from './support/rpc';

const shots = process.env.FLIPSIDE_SHOTS;

/** What espeak-ng says for the speech draft: short lines PocketSphinx's general English model partly knows. */
const SPOKEN_SCRIPT = [
  'Today we learn how plants grow.',
  'Plants need light and water.',
  'The sun gives the leaf energy.',
];

const NOTES = [
  '# Forces',
  '',
  'Read this before class. <KeyMoment at="0:05">Where the ball drops</KeyMoment>',
  '',
  '<Formula tex="F = m \\cdot a" display="block" />',
  '',
  '<Callout kind="tip">',
  '',
  'Remember the **units**.',
  '',
  '</Callout>',
  '',
  '<Question id="1" />',
].join('\n');

test('a teacher writes notes with components and a formula; a hostile note is refused at its lines', async ({
  page,
  host,
}) => {
  const { lessonId } = await publishableLesson(host, 'Forces');
  const editor = new EditorPage(page);
  await editor.goto(host.url, lessonId);
  const panel = new NotesCaptionsPanel(page);
  await panel.openNotes();

  await panel.writeNotes(NOTES);
  await expect(panel.preview.getByRole('heading', { name: 'Forces' })).toBeVisible();
  await expect(panel.preview.locator('.katex')).toBeVisible();
  await expect(panel.preview.getByText('Remember the units.')).toBeVisible();
  await expect(panel.preview).toContainText('Which force pulls things down?');
  await panel.preview.getByRole('link', { name: /Where the ball drops/ }).click();
  await expect(editor.playhead).toHaveText('0:05.0');
  if (shots) await page.screenshot({ path: path.join(shots, 'notes.png') });

  await panel.writeNotes(
    [
      '# Hello',
      '<script>alert(1)</script>',
      '{1 + 1}',
      'import x from "y"',
      '',
      '[click](javascript:alert(1))',
      '<Callout kind="tip" onClick="alert(1)">x</Callout>',
    ].join('\n'),
  );
  await expect(panel.problems).toBeVisible();
  for (const line of ['Line 2', 'Line 3', 'Line 4'])
    await expect(panel.problems.getByRole('button', { name: line }).first()).toBeVisible();
  if (shots) await page.screenshot({ path: path.join(shots, 'notes-hostile.png') });
  await panel.problems.getByRole('button', { name: 'Line 3' }).first().click();
  await expect(panel.notes).toBeFocused();

  await panel.writeNotes(NOTES);
  // Leaving the field saves at once, without waiting for the pause in typing.
  await page.keyboard.press('Tab');
  await expect(panel.problems).toHaveCount(0);
  await editor.expectSaved();
  await page.reload();
  await editor.expectReady();
  await panel.openNotes();
  await expect(panel.notes).toHaveValue(NOTES);
});

test('captions typed along while the lesson plays, corrected, moved by a cut, and flagged when the cut removes them', async ({
  page,
  host,
}) => {
  const { lessonId } = await publishableLesson(host, 'Forces');
  const editor = new EditorPage(page);
  await editor.goto(host.url, lessonId);
  const panel = new NotesCaptionsPanel(page);
  await panel.openCaptions();
  await panel.addTrack('en', 'English');

  await editor.seekToSecond(1);
  await panel.typeAlong.click();
  await panel.typeAlong.pressSequentially('Gravity pulls things down');
  await page.keyboard.press('Control+Space');
  await expect.poll(() => editor.video.evaluate((video: HTMLVideoElement) => video.currentTime)).toBeGreaterThan(2.5);
  await page.keyboard.press('Enter');
  await page.keyboard.press('Control+Space');
  await expect(panel.typeAlong).toHaveValue('');
  await expect(panel.cues('English')).toHaveCount(1);
  await expect(panel.cues('English').first()).toContainText(/0:01\.0–0:0[2-9]/);
  if (shots) await page.screenshot({ path: path.join(shots, 'captions.png') });

  const first = panel.cueText('0:01.0');
  await first.fill('Gravity pulls everything down');
  // Far enough past the first caption that typing starts at the playhead, not where that caption ended.
  await editor.seekToSecond(11);
  await panel.typeAlong.fill('A push is a force');
  await page.keyboard.press('Enter');
  await expect(panel.cues('English')).toHaveCount(2);

  // Cut 0–6 s: the first caption (which ends wherever the playhead was when Enter landed, on a busy machine seconds
  // after 2.5 s) is flagged, never dropped; the second moves six seconds earlier.
  await editor.seekToSecond(0);
  await editor.shortcut('i');
  await editor.seekToSecond(6);
  await editor.shortcut('o');
  await editor.shortcut('Delete');
  await expect(panel.cues('English').filter({ hasText: 'Cut out' })).toHaveCount(1);
  await expect(panel.cues('English').nth(1)).toContainText('0:05.0');
  await editor.undo();
  await expect(panel.cues('English').filter({ hasText: 'Cut out' })).toHaveCount(0);
  await editor.expectSaved();
});

test('captions import from SRT, with the line of a broken file named', async ({ page, host }) => {
  const { lessonId } = await publishableLesson(host, 'Forces');
  const editor = new EditorPage(page);
  await editor.goto(host.url, lessonId);
  const panel = new NotesCaptionsPanel(page);
  await panel.openCaptions();
  await panel.addTrack('fr', 'Français');
  const input = page.locator('input[type="file"][accept*=".srt"]');
  await input.setInputFiles({
    name: 'broken.srt',
    mimeType: 'application/x-subrip',
    buffer: Buffer.from('1\n00:00:01,000 --> soon\nx\n'),
  });
  await expect(page.getByRole('alert').filter({ hasText: 'broken.srt' })).toContainText('Line 2');
  await input.setInputFiles({
    name: 'lecture.fr.srt',
    mimeType: 'application/x-subrip',
    buffer: Buffer.from('1\n00:00:00,300 --> 00:00:02,800\nLa gravité <b>attire</b> les objets\n'),
  });
  await expect(panel.cueText('0:00.3')).toHaveValue('La gravité attire les objets');
});

test('a caption draft from the lesson’s own speech: progress, then cues whose words and times follow the script', async ({
  page,
  host,
}) => {
  test.setTimeout(240_000);
  const spoken = spokenLesson(SPOKEN_SCRIPT);
  const { lessonId } = await lessonWithTake(host, { screen: spoken.file }, 'Plants');
  const editor = new EditorPage(page);
  await editor.goto(host.url, lessonId);
  const panel = new NotesCaptionsPanel(page);
  await panel.openCaptions();
  await panel.addTrack('en', 'English');
  await page.getByRole('button', { name: 'More for English captions' }).click();
  await page.getByRole('menuitem', { name: 'Draft from the lesson’s speech' }).click();
  await expect(page.getByRole('progressbar', { name: 'Caption draft from speech' })).toBeVisible();
  const done = page.getByRole('status').filter({ hasText: /The draft has \d+ captions/ });
  await expect(done).toBeVisible({ timeout: 200_000 });
  if (shots) await page.screenshot({ path: path.join(shots, 'draft.png') });

  const document = await rpc<LessonDocument>(host, 'app:editor.open', { lessonId });
  const cues = document.captionCues;
  await expect(panel.cues('English')).toHaveCount(cues.length);
  expect(cues.length).toBeGreaterThanOrEqual(SPOKEN_SCRIPT.length);
  for (const cue of cues) {
    const line = spoken.lines.find(
      (candidate) => cue.sourceStart >= candidate.start - 300 && cue.sourceEnd <= candidate.end + 300,
    );
    expect(
      line,
      `“${cue.text}” (${String(cue.sourceStart)}–${String(cue.sourceEnd)} ms) is inside a spoken line`,
    ).toBeDefined();
    expect(cue.words?.map((word) => word.text).join(' ')).toBe(cue.text);
  }
  for (const line of spoken.lines)
    expect(cues.some((cue) => cue.sourceStart < line.end && cue.sourceEnd > line.start)).toBe(true);
  const said = new Set(
    SPOKEN_SCRIPT.join(' ')
      .toLowerCase()
      .match(/[a-z]+/g),
  );
  const heard = cues.flatMap((cue) => cue.words ?? []).filter((word) => said.has(word.text.toLowerCase()));
  expect(heard.length).toBeGreaterThanOrEqual(3);

  // One undo step takes the whole draft away.
  await editor.undo();
  await expect(panel.cues('English')).toHaveCount(0);
});

test('notes and captions made in the studio reach the learner: notes with a formula, a figure and a download, a key moment that seeks, the transcript and captions', async ({
  page,
  host,
}) => {
  test.setTimeout(180_000);
  const { lessonId, renderId } = await publishableLesson(host, 'Forces');
  const opened = await rpc<LessonDocument>(host, 'app:editor.open', { lessonId });
  await rpc(host, 'app:editor.apply', {
    takeId: opened.takeId,
    baseRevision: opened.revision,
    rules: { ...opened.rules, navigation: 'free' },
  });
  const editor = new EditorPage(page);
  await editor.goto(host.url, lessonId);
  const panel = new NotesCaptionsPanel(page);

  await panel.openNotes();
  const picture = path.join(host.dataDir, 'diagram.png');
  execFileSync('ffmpeg', [
    '-loglevel',
    'error',
    '-f',
    'lavfi',
    '-i',
    'testsrc2=size=160x90',
    '-frames:v',
    '1',
    picture,
  ]);
  await page.locator('input[type="file"][accept*=".png"]').setInputFiles([
    { name: 'diagram.png', mimeType: 'image/png', buffer: fs.readFileSync(picture) },
    { name: 'worksheet.txt', mimeType: 'text/plain', buffer: Buffer.from('1. What is a force?\n') },
  ]);
  await expect(page.getByRole('list', { name: 'Files in the notes' }).getByRole('listitem')).toHaveCount(2);
  await panel.writeNotes(
    [
      '# Forces',
      '',
      'See <KeyMoment at="0:06">the push</KeyMoment>.',
      '',
      '<Formula tex="F = m \\cdot a" display="block" />',
      '',
      '<Figure src="diagram.png" alt="A test pattern" />',
      '',
      '<Download file="worksheet.txt">The worksheet</Download>',
      '',
      '<Callout kind="warning">',
      '',
      'Mind the units.',
      '',
      '</Callout>',
    ].join('\n'),
  );
  await page.keyboard.press('Tab');
  await expect(panel.preview.getByRole('img', { name: 'A test pattern' })).toBeVisible();

  await panel.openCaptions();
  await panel.addTrack('en', 'English');
  await page.locator('input[type="file"][accept*=".srt"]').setInputFiles({
    name: 'forces.srt',
    mimeType: 'application/x-subrip',
    buffer: Buffer.from(
      '1\n00:00:00,200 --> 00:00:02,500\nForces push and pull\n\n2\n00:00:06,000 --> 00:00:09,000\nA push is a force\n',
    ),
  });
  await expect(panel.cues('English')).toHaveCount(2);
  await editor.expectSaved();

  // Notes, captions and rules are not in the video: the render made before them is still the lesson's.
  const { file } = await publishOverRpc(host, lessonId, renderId, 'web');
  await page.goto(pathToFileURL(path.join(file, 'index.html')).href);
  const lesson = new PublishedLessonPage(page, false);
  await lesson.ready();
  const time = () => lesson.media.evaluate((media) => (media as HTMLMediaElement).currentTime);

  await page.getByRole('tab', { name: 'Notes' }).click();
  const notes = page.getByRole('tabpanel', { name: 'Notes' });
  await expect(notes.getByRole('heading', { name: 'Forces' })).toBeVisible();
  await expect(notes.locator('.katex')).toBeVisible();
  await expect(notes.getByRole('img', { name: 'A test pattern' })).toBeVisible();
  await expect
    .poll(() =>
      notes.getByRole('img', { name: 'A test pattern' }).evaluate((image) => (image as HTMLImageElement).naturalWidth),
    )
    .toBe(160);
  await expect(notes.getByRole('link', { name: /The worksheet/ })).toBeVisible();
  await expect(notes.getByText('Mind the units.')).toBeVisible();
  await notes.getByRole('link', { name: /the push/ }).click();
  await expect.poll(time).toBeCloseTo(6, 0);

  await page.getByRole('tab', { name: 'Transcript' }).click();
  const lines = page.getByRole('list', { name: 'Transcript' }).getByRole('button');
  await expect(lines).toHaveText(['0:00Forces push and pull', '0:06A push is a force']);
  await lines.first().click();
  await expect.poll(time).toBeLessThan(1);
  await page.locator('.fs-controls').getByRole('button', { name: 'Captions' }).click();
  await lesson.play();
  await expect(page.locator('.fs-captions')).toHaveText('Forces push and pull', { timeout: 10_000 });
});
