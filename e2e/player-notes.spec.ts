import fs from 'node:fs';
import { expect, test } from '@playwright/test';
import { fixtureLesson, makePlayerFolder, serveFolder } from './fixtures/player/folder';
import { PlayerPage } from './pages/PlayerPage';

/**
 * Notes as a package carries them, with what a stranger could write into lesson.json by hand: the player copies only
 * allow-listed markup, so none of it may run, load or keep an event attribute.
 */
const NOTES_HTML = [
  '<h2>Speed</h2>',
  '<p>Watch <a href="#t=8000" class="fs-n-moment" data-seek="8000">the definition</a> again before class.</p>',
  '<script>window.__pwned = 1</script>',
  '<img src="x" onerror="window.__pwned = 1">',
  '<p onclick="window.__pwned = 1" style="background:url(https://example.com/x)">Plain text stays.</p>',
  '<a href="javascript:window.__pwned = 1">a trap</a>',
  '<iframe src="https://example.com"></iframe>',
  '<svg><script>window.__pwned = 1</script><foreignObject><img src=x onerror="window.__pwned=1"></foreignObject></svg>',
].join('');

let dir = '';
let server: Awaited<ReturnType<typeof serveFolder>>;

test.beforeAll(async () => {
  const lesson = fixtureLesson();
  dir = makePlayerFolder({
    ...lesson,
    checkpoints: [],
    rules: { ...(lesson.rules as object), navigation: 'free' },
    notes: { html: NOTES_HTML, formulas: false },
  });
  server = await serveFolder(dir);
});

test.afterAll(async () => {
  await server.close();
  fs.rmSync(dir, { recursive: true, force: true });
});

test('a learner reads the notes (hostile markup inert), seeks from a key moment, and follows and searches the transcript', async ({
  page,
}) => {
  const player = new PlayerPage(page);
  await player.open(server.url);
  const time = () => player.media.evaluate((media) => (media as HTMLMediaElement).currentTime);

  await page.getByRole('tab', { name: 'Notes' }).click();
  const notes = page.getByRole('tabpanel', { name: 'Notes' });
  await expect(notes.getByRole('heading', { name: 'Speed' })).toBeVisible();
  await expect(notes.getByText('Plain text stays.')).toBeVisible();
  expect(await notes.locator('script, iframe, foreignObject').count()).toBe(0);
  // An image may only be a file of the package's notes folder.
  for (const source of await notes
    .locator('img')
    .evaluateAll((images) => images.map((image) => (image as HTMLImageElement).src)))
    expect(source.startsWith(`${server.url.replace(/[^/]*$/, '')}notes/`)).toBe(true);
  const attributes = await notes.evaluate((root) =>
    [...root.querySelectorAll('*')].flatMap((element) => [...element.attributes].map((attribute) => attribute.name)),
  );
  expect(attributes.filter((name) => name.startsWith('on') || name === 'style')).toEqual([]);
  expect(await notes.getByRole('link', { name: 'a trap' }).count()).toBe(0);
  expect(await page.evaluate(() => (globalThis as { __pwned?: unknown }).__pwned)).toBeUndefined();
  await expect(notes.getByRole('button', { name: 'Print notes' })).toBeVisible();

  await notes.getByRole('link', { name: /the definition/ }).click();
  await expect.poll(time).toBeCloseTo(8, 0);

  await page.getByRole('tab', { name: 'Transcript' }).click();
  const lines = page.getByRole('list', { name: 'Transcript' }).getByRole('button');
  await expect(lines).toHaveCount(3);
  await expect(lines.nth(2)).toHaveAttribute('aria-current', 'true');
  await lines.nth(1).click();
  await expect.poll(time).toBeCloseTo(3.5, 0);
  await expect(lines.nth(1)).toHaveAttribute('aria-current', 'true');

  await page.getByRole('searchbox', { name: 'Search the transcript' }).fill('speed');
  await expect(page.getByText('1 of 2')).toBeVisible();
  await expect(lines.nth(0).locator('mark')).toHaveText('speed');
  await page.keyboard.press('Enter');
  await expect(page.getByText('2 of 2')).toBeVisible();
});
