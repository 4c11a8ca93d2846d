import fs from 'node:fs';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { expect, test } from '@playwright/test';
import { fixtureLesson, makePlayerFolder, serveFolder } from './fixtures/player/folder';
import { PlayerPage } from './pages/PlayerPage';

const HOSTILE = '<img src=x onerror="window.__pwned=1"><script>window.__pwned=1</script>';

let dir = '';
let server: Awaited<ReturnType<typeof serveFolder>>;

test.beforeAll(async () => {
  dir = makePlayerFolder();
  server = await serveFolder(dir);
});

test.afterAll(async () => {
  await server.close();
  fs.rmSync(dir, { recursive: true, force: true });
});

test('a learner is stopped at each question, cannot skip ahead, rewatches, resumes and sees the score', async ({
  page,
}) => {
  const player = new PlayerPage(page);
  const pwned = () => page.evaluate(() => (globalThis as unknown as { __pwned?: unknown }).__pwned);
  await player.open(server.url);
  await player.setSpeed('2');
  await player.play();

  // 1. Single choice at 4 s. Closing it leaves the learner on it; skipping ahead is refused, by bar and by keyboard.
  await player.expectQuestionAt(4, 'What is 2 + 2?');
  await page.keyboard.press('Escape');
  await expect(player.dialog).toBeHidden();
  await expect(player.playButton).toBeFocused();
  await player.dragSeekTo(10_000);
  await expect(player.notice).toHaveText('Answer the question at 0:04 first');
  await player.seekBar.focus();
  await page.keyboard.press('End');
  await expect(player.notice).toHaveText('Answer the question at 0:04 first');
  expect(Math.abs((await player.currentTime()) - 4)).toBeLessThan(0.07);
  await player.play();
  await player.expectQuestionAt(4, 'What is 2 + 2?');
  await player.dialog.getByRole('radio', { name: '4', exact: true }).check();
  await player.submit();
  await expect(player.dialog.locator('.fs-feedback')).toContainText('Correct');
  await expect(player.dialog.locator('.fs-feedback')).toContainText('Yes: four.');
  await player.dialog.getByRole('button', { name: 'Continue' }).click();

  // 2. Short answer at 8 s: wrong, feedback, rewatch from the chapter before it, asked again there.
  await player.expectQuestionAt(8, 'Which city is the capital of France?');
  await player.dialog.getByRole('textbox').fill('London');
  await player.submit();
  await expect(player.dialog.locator('.fs-verdict')).toHaveText('Not quite');
  await expect(player.dialog.locator('.fs-feedback')).toContainText('Listen again to the part about capitals.');
  await expect(player.dialog).toContainText('2 attempts left');
  const rewound = await player.seekLandingOf(() =>
    player.dialog.getByRole('button', { name: 'Rewatch from 0:06' }).click(),
  );
  await expect(player.dialog).toBeHidden();
  expect(rewound).toBeGreaterThanOrEqual(6);
  expect(rewound).toBeLessThan(6.5);
  await player.expectQuestionAt(8, 'Which city is the capital of France?');
  await player.dialog.getByRole('textbox').fill('  paris ');
  await player.submit();
  await expect(player.dialog.locator('.fs-verdict')).toHaveText('Correct');
  await player.dialog.getByRole('button', { name: 'Continue' }).click();

  // 3. Numeric at 12 s, typed with a decimal comma.
  await player.expectQuestionAt(12, 'A walker covers 7 km in 2 hours. What is the speed in km/h?');
  await expect(player.dialog.getByRole('textbox')).toHaveAttribute('inputmode', 'decimal');
  await player.dialog.getByRole('textbox').fill('3,5');
  await player.submit();
  await expect(player.dialog.locator('.fs-verdict')).toHaveText('Correct');
  await player.dialog.getByRole('button', { name: 'Continue' }).click();

  // A jump made behind the player's back (devtools, an extension) is undone: no skipping ahead by nudges.
  await player.media.evaluate((media) => {
    const element = media as unknown as { currentTime: number };
    element.currentTime += 3;
  });
  await expect.poll(() => player.currentTime()).toBeLessThan(14.5);

  // Only the teacher's speeds: one set from outside is put back.
  await player.media.evaluate((media) => {
    (media as unknown as { playbackRate: number }).playbackRate = 16;
  });
  await expect.poll(async () => (await player.mediaState()).playbackRate).toBe(2);

  // Reload mid-lesson: back at the same place, answers kept.
  await player.waitUntilPast(13);
  const before = await player.currentTime();
  await page.reload();
  await expect(player.notice).toContainText('Welcome back');
  const after = await player.currentTime();
  expect(Math.abs(after - before), `left at ${before}s, resumed at ${after}s`).toBeLessThan(1);
  await expect(player.questions).toHaveText([
    /Question 1\s*Correct/,
    /Question 2\s*Correct/,
    /Question 3\s*Correct/,
    /Question 4\s*To answer/,
  ]);
  expect((await player.mediaState()).playbackRate).toBe(2);

  // 4. A hostile prompt is shown as text and runs nothing; an empty answer costs no attempt; optional, so skipped.
  await player.play();
  await player.expectQuestionAt(16, HOSTILE);
  expect(await player.dialog.locator('img, script').count()).toBe(0);
  expect(await pwned()).toBeUndefined();
  await player.submit();
  await expect(player.dialog.locator('.fs-hint')).toHaveText('Choose an answer first.');
  await player.dialog.getByRole('button', { name: 'Skip' }).click();

  // The end: 3 of 4 points is 75%, under the 80% mastery line; the skipped one can be reviewed.
  const summary = page.getByRole('dialog', { name: 'Lesson finished' });
  await expect(summary).toBeVisible({ timeout: 15_000 });
  await expect(summary.locator('.fs-score')).toHaveText('75% · 3 of 4 points');
  await expect(summary.locator('.fs-mastery')).toHaveText(/^Not yet: the goal is 80%/);
  await expect(summary.locator('.fs-missed-item')).toHaveCount(1);
  await expect(summary.locator('.fs-missed-item')).toContainText('0:16 · Skipped');
  expect(await summary.locator('img, script').count()).toBe(0);
  const reviewAt = await player.seekLandingOf(() => summary.getByRole('button', { name: 'Review from 0:10' }).click());
  await expect(summary).toBeHidden();
  expect(reviewAt).toBeGreaterThanOrEqual(10);
  expect(reviewAt).toBeLessThan(12);
  expect(await pwned()).toBeUndefined();

  // What the standalone adapter kept: the attempt is still open (under the mastery line, and the skipped question can
  // still be answered), so no verdict and no score yet, as an LMS would be told.
  const stored = await page.evaluate(() =>
    (globalThis as unknown as { localStorage: { getItem(key: string): string | null } }).localStorage.getItem(
      'flipside:lesson:0b7a5c1e-4f2d-4c8e-9a41-2d6f3e1b5a90',
    ),
  );
  const record = JSON.parse(stored ?? '{}') as {
    completion: unknown;
    score: unknown;
    interactions: { result: string }[];
  };
  expect(record.completion).toEqual({ completion: 'incomplete', success: 'unknown' });
  expect(record.score).toBeNull();
  expect(record.interactions.map((interaction) => interaction.result)).toEqual([
    'correct',
    'incorrect',
    'correct',
    'correct',
  ]);
});

test('the folder plays from disk (file://) under its CSP, with lesson.js', async ({ page }) => {
  const problems: string[] = [];
  page.on('console', (message) => {
    if (message.type() === 'error' && !/favicon/.test(message.text())) problems.push(message.text());
  });
  page.on('pageerror', (error) => problems.push(error.message));
  const player = new PlayerPage(page);
  await player.open(pathToFileURL(path.join(dir, 'index.html')).href);
  await expect(page).toHaveTitle('Speed, distance and time');
  await player.setSpeed('2');
  await player.play();
  await player.expectQuestionAt(4, 'What is 2 + 2?');
  // The audio-only rendition (for a slow connection) takes over at the same moment.
  await page.keyboard.press('Escape');
  await page.getByRole('combobox', { name: 'Quality' }).selectOption('Audio only');
  await expect(page.locator('audio.fs-media')).toBeAttached();
  await expect(page.locator('video')).toHaveCount(0);
  await expect.poll(() => player.currentTime()).toBeCloseTo(4, 1);
  expect(problems).toEqual([]);
});

test('a package naming media outside its folder is refused with a clear message', async ({ page }) => {
  const lesson = fixtureLesson();
  const media = lesson.media as { renditions: { src: string }[]; captions: { src: string }[] };
  media.renditions[0] = { ...media.renditions[0], src: 'javascript:alert(1)' };
  media.captions[0] = { ...media.captions[0], src: 'https://evil.example/captions.vtt' };
  const hostile = makePlayerFolder(lesson);
  try {
    await page.goto(pathToFileURL(path.join(hostile, 'index.html')).href);
    const alert = page.getByRole('alert');
    await expect(alert.getByRole('heading')).toHaveText('This lesson cannot be played');
    await expect(alert).toContainText(
      'The address of the video "360p" is not allowed: javascript: addresses are not allowed',
    );
    await expect(alert).toContainText(
      'The address of the captions "English" is not allowed: it points to another website',
    );
    expect(await page.locator('video, audio').count()).toBe(0);
    if (process.env.PLAYER_SHOTS)
      await page.screenshot({ path: path.join(process.env.PLAYER_SHOTS, 'player-refused-desktop.png') });
  } finally {
    fs.rmSync(hostile, { recursive: true, force: true });
  }
});

// Not part of the suite: `PLAYER_SHOTS=/tmp/shots npx playwright test e2e/player.spec.ts -g screenshots` to look at it.
test('screenshots', async ({ browser }) => {
  const out = process.env.PLAYER_SHOTS;
  test.skip(!out, 'set PLAYER_SHOTS to a folder to take screenshots');
  if (!out) return;
  fs.mkdirSync(out, { recursive: true });
  for (const [name, viewport] of [
    ['desktop', { width: 1280, height: 800 }],
    ['phone', { width: 390, height: 844 }],
  ] as const) {
    const context = await browser.newContext({ viewport, deviceScaleFactor: 1 });
    const page = await context.newPage();
    const player = new PlayerPage(page);
    const shot = (what: string) =>
      page.screenshot({ path: path.join(out, `player-${what}-${name}.png`), fullPage: true });
    await player.open(server.url);
    await page.getByRole('button', { name: 'Captions' }).click();
    await player.play();
    await player.waitUntilPast(1.6);
    await player.media.evaluate((media) => (media as unknown as { pause(): void }).pause());
    await shot('playing');
    await player.setSpeed('2');
    await player.play();
    await player.expectQuestionAt(4, 'What is 2 + 2?');
    await shot('question');
    await player.dialog.getByRole('radio', { name: '22' }).check();
    await player.submit();
    await expect(player.dialog.locator('.fs-verdict')).toHaveText('Not quite');
    await shot('feedback');
    // Near the end with one question wrong and one skipped, so the summary has something to review.
    const resume =
      'FS1:{"p":18500,"f":18500,"r":2,"q":1,"w":"r0.k","a":[[0,"a1f0",1,1,1,1],[1,"b2e1",3,0,0,"London"],[2,"c3d2",1,1,1,"3,5"],[3,"d4c3",0,2,0,null]]}';
    await page.close();
    const last = await context.newPage();
    await last.addInitScript((suspendData) => {
      const storage = (globalThis as unknown as { localStorage: { setItem(key: string, value: string): void } })
        .localStorage;
      const record = {
        version: 1,
        suspendData,
        progress: null,
        score: null,
        completion: null,
        interactions: [],
        finishedAt: null,
      };
      storage.setItem('flipside:lesson:0b7a5c1e-4f2d-4c8e-9a41-2d6f3e1b5a90', JSON.stringify(record));
    }, resume);
    const ending = new PlayerPage(last);
    await ending.open(server.url);
    await ending.play();
    await expect(last.getByRole('dialog', { name: 'Lesson finished' })).toBeVisible({ timeout: 10_000 });
    await last.screenshot({ path: path.join(out, `player-summary-${name}.png`), fullPage: true });
    await context.close();
  }
});

test('re-published to the same place, a lesson whose questions changed starts afresh; reworded, it resumes', async ({
  page,
}) => {
  const published = makePlayerFolder();
  const site = await serveFolder(published);
  /** Publishes `lesson` over the folder the learner plays from, as a teacher re-publishing to the same place does. */
  const republish = (lesson: Record<string, unknown>) => {
    const fresh = makePlayerFolder(lesson);
    for (const file of ['lesson.json', 'lesson.js'])
      fs.copyFileSync(path.join(fresh, file), path.join(published, file));
    fs.rmSync(fresh, { recursive: true, force: true });
  };
  type Question = { prompt: string; choices: { id: string; correct: boolean }[] };
  const withFirstQuestion = (change: (question: Question) => Question) => {
    const lesson = fixtureLesson();
    const [first, ...rest] = lesson.checkpoints as Question[];
    if (!first) throw new Error('fixture');
    return { ...lesson, checkpoints: [change(first), ...rest] };
  };
  try {
    const player = new PlayerPage(page);
    await player.open(site.url);
    await player.setSpeed('2');
    await player.play();
    await player.expectQuestionAt(4, 'What is 2 + 2?');
    await player.dialog.getByRole('radio', { name: '4', exact: true }).check();
    await player.submit();
    await player.dialog.getByRole('button', { name: 'Continue' }).click();
    await expect.poll(() => player.currentTime(), { timeout: 15_000 }).toBeGreaterThan(5);

    // Version 1.0.1: a reworded prompt. The answer means the same, so the learner goes on where they were.
    republish(withFirstQuestion((question) => ({ ...question, prompt: 'What is **two plus two**?' })));
    await page.reload();
    await expect(player.notice).toContainText('Welcome back');

    // Version 1.1: the right answer changed. Old answers, score and place would mislead: it starts afresh, saying why.
    republish(
      withFirstQuestion((question) => ({
        ...question,
        choices: question.choices.map((choice) => ({ ...choice, correct: choice.id === 'c' })),
      })),
    );
    await page.reload();
    await expect(player.notice).toHaveText(
      'This lesson was updated and its questions changed since your last visit, so it starts afresh.',
    );
    expect(await player.currentTime()).toBe(0);
  } finally {
    await site.close();
    fs.rmSync(published, { recursive: true, force: true });
  }
});
