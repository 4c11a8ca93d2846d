import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import type { Browser, FrameLocator, Page } from '@playwright/test';
import { test, expect, type HostFixture } from './fixtures';
import { Cmi5Lms } from './cmi5/cmi5Lms';
import { publishableLesson, publishOverRpc, unzip } from './lms/publishedLesson';
import { TestLms } from './lms/testLms';
import { JoinPage } from './pages/JoinPage';
import { PublishedLessonPage } from './pages/PublishedLessonPage';
import { startClassServer } from './support/classServer';
import { rpc } from './support/rpc';
import type { LessonDocument } from '../src/shared/editor/document';

/**
 * The notes and captions the studio publishes reach the learner in every place a lesson goes, under that place's
 * own rules (an LMS frame, a cmi5 launch, the class server's CSP). The editor's side is under notes-captions.spec;
 * here they are set over RPC.
 */
const NOTES = [
  '# Forces',
  '',
  '<Formula tex="F = m \\cdot a" display="block" />',
  '',
  '<Figure src="diagram.png" alt="A test pattern" />',
  '',
  '<Download file="worksheet.txt">The worksheet</Download>',
].join('\n');

async function lessonWithNotes(host: HostFixture): Promise<{ lessonId: string; renderId: string }> {
  const { lessonId, renderId } = await publishableLesson(host, 'Forces');
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
  await rpc(host, 'app:notes.addFile', {
    lessonId,
    name: 'diagram.png',
    bytes: new Uint8Array(fs.readFileSync(picture)),
  });
  await rpc(host, 'app:notes.addFile', {
    lessonId,
    name: 'worksheet.txt',
    bytes: new Uint8Array(Buffer.from('1. What is a force?\n')),
  });
  const opened = await rpc<LessonDocument>(host, 'app:editor.open', { lessonId });
  const trackId = crypto.randomUUID();
  await rpc(host, 'app:editor.apply', {
    takeId: opened.takeId,
    baseRevision: opened.revision,
    notes: NOTES,
    upsertCaptionTracks: [{ id: trackId, label: 'English', srclang: 'en' }],
    upsertCaptionCues: [
      { id: crypto.randomUUID(), trackId, sourceStart: 200, sourceEnd: 2_500, text: 'Forces push and pull' },
      { id: crypto.randomUUID(), trackId, sourceStart: 6_000, sourceEnd: 9_000, text: 'A push is a force' },
    ],
  });
  return { lessonId, renderId };
}

async function expectNotesAndTranscript(root: FrameLocator | Page): Promise<void> {
  await root.getByRole('tab', { name: 'Notes' }).click();
  const notes = root.getByRole('tabpanel', { name: 'Notes' });
  await expect(notes.getByRole('heading', { name: 'Forces' })).toBeVisible();
  await expect(notes.locator('.katex')).toBeVisible();
  const figure = notes.getByRole('img', { name: 'A test pattern' });
  await expect.poll(() => figure.evaluate((image) => (image as HTMLImageElement).naturalWidth)).toBe(160);
  const download = notes.getByRole('link', { name: /The worksheet/ });
  const href = await download.evaluate((link) => (link as HTMLAnchorElement).href);
  const fetched = await download.evaluate(async (link) => {
    const response = await fetch((link as HTMLAnchorElement).href);
    return response.ok ? await response.text() : `HTTP ${String(response.status)}`;
  });
  expect(fetched, `the download at ${href}`).toBe('1. What is a force?\n');

  await root.getByRole('tab', { name: 'Transcript' }).click();
  await expect(root.getByRole('list', { name: 'Transcript' }).getByRole('button')).toHaveText([
    '0:00Forces push and pull',
    '0:06A push is a force',
  ]);
  await expect(root.locator('.fs-controls').getByRole('button', { name: 'Captions' })).toBeVisible();
}

test('notes and captions reach a SCORM 2004 learner inside the LMS frame', async ({ host, page }) => {
  test.setTimeout(120_000);
  const { lessonId, renderId } = await lessonWithNotes(host);
  const { file } = await publishOverRpc(host, lessonId, renderId, 'scorm2004');
  const dir = await unzip(file);
  const lms = await TestLms.start('2004', dir);
  try {
    await page.goto(lms.url);
    const lesson = new PublishedLessonPage(page);
    await lesson.ready();
    await expectNotesAndTranscript(lesson.root);
  } finally {
    await lms.close();
    fs.rmSync(dir, { recursive: true, force: true });
  }
});

test('notes and captions reach a cmi5 learner', async ({ host, page }) => {
  test.setTimeout(120_000);
  const { lessonId, renderId } = await lessonWithNotes(host);
  const { file } = await publishOverRpc(host, lessonId, renderId, 'cmi5');
  const dir = await unzip(file);
  const lms = await Cmi5Lms.start(dir);
  try {
    await page.goto(await lms.launch());
    const lesson = new PublishedLessonPage(page, false);
    await lesson.ready();
    await expectNotesAndTranscript(page);
  } finally {
    await lms.close();
    fs.rmSync(dir, { recursive: true, force: true });
  }
});

test('notes and captions reach a learner on the class server, under its CSP', async ({ host, browser }) => {
  test.setTimeout(120_000);
  const server = await startClassServer();
  try {
    const { lessonId, renderId } = await lessonWithNotes(host);
    await rpc(host, 'app:classroom.connect', { url: server.url, token: server.token });
    const { job } = await publishOverRpc(host, lessonId, renderId, 'classServer');
    const { joinCode } = await rpc<{ joinCode: string }>(host, 'app:classroom.createClass', { name: '8C' });
    await learnerSees(browser, job.output?.lessonUrl ?? '', joinCode);
  } finally {
    await server.stop();
    server.remove();
  }
});

async function learnerSees(browser: Browser, lessonUrl: string, joinCode: string): Promise<void> {
  const context = await browser.newContext();
  const violations: string[] = [];
  try {
    const page = await context.newPage();
    page.on('console', (message) => {
      if (/Content Security Policy/i.test(message.text())) violations.push(message.text());
    });
    await new JoinPage(page).join(lessonUrl, joinCode, 'Ola');
    await expectNotesAndTranscript(page);
    expect(violations, 'nothing in the notes is refused by the server’s CSP').toEqual([]);
  } finally {
    await context.close();
  }
}
