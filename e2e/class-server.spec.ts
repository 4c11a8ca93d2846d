import path from 'node:path';
import type { Page } from '@playwright/test';
import { test, expect } from './fixtures';
import { publishableLesson } from './lms/publishedLesson';
import { ClassResultsPage } from './pages/ClassResultsPage';
import { JoinPage } from './pages/JoinPage';
import { PublishDialog } from './pages/PublishDialog';
import { expectAccessible } from './support/axe';
import { SERVER_ENGINES, startClassServer, withServerDatabase } from './support/classServer';

const shots = process.env.CLASS_SHOTS;
const shot = async (page: Page, name: string) => {
  if (shots) await page.screenshot({ path: path.join(shots, `class-${name}.png`), fullPage: true });
};

for (const engine of SERVER_ENGINES) {
  test(`a teacher publishes, two learners answer differently, Class results show each, across restarts (${engine})`, async ({
    host,
    page,
    browser,
  }) => {
    test.setTimeout(240_000);
    await withServerDatabase(engine, async (database) => {
      // The built CLI's first start on an empty folder, as a teacher's own; the other specs start from a migrated copy.
      const server = await startClassServer(database, 1, { emptyFolder: true });
      try {
        const { lessonId } = await publishableLesson(host, 'Forces');

        // The teacher connects the studio to the server in Settings.
        await page.goto(host.url);
        await page.getByRole('button', { name: 'Settings' }).click();
        const settings = page.getByRole('dialog', { name: 'Settings' });
        await settings.getByRole('textbox', { name: 'Server address' }).fill(server.url);
        await settings.getByRole('textbox', { name: 'Teacher token' }).fill('fst_wrong');
        await settings.getByRole('button', { name: 'Check and save' }).click();
        await expect(settings.getByRole('alert')).toContainText('does not accept this token');
        await settings.getByRole('textbox', { name: 'Teacher token' }).fill(server.token);
        await settings.getByRole('button', { name: 'Check and save' }).click();
        await expect(settings.getByRole('status')).toContainText(`Connected to ${server.url}`);
        await shot(page, 'settings');
        await expectAccessible(page, 'Settings, connected to a class server');
        await settings.getByRole('button', { name: 'Close' }).click();

        // Publish to the class server from the lesson screen.
        await page.goto(`${host.url}#/lesson/${lessonId}`);
        const publish = new PublishDialog(page);
        await publish.open();
        await publish.chooseFormat('Class server');
        await expect(publish.dialog.getByText(`To ${server.url} as ada@school.example`)).toBeVisible();
        await publish.dialog.getByRole('button', { name: 'Publish to the class server' }).click();
        await expect(publish.dialog.getByText('On the class server (version 1)')).toBeVisible({ timeout: 30_000 });
        const lessonUrl = (await publish.dialog.getByTestId('lesson-url').textContent()) ?? '';
        expect(lessonUrl).toMatch(new RegExp(`^${server.url}/l/[a-z0-9]{10}$`));
        await shot(page, 'published');
        await publish.dialog.getByRole('link', { name: 'Class results' }).click();

        const results = new ClassResultsPage(page);
        await expect(page.getByRole('heading', { level: 1, name: /Class results/ })).toBeVisible();
        const code = await results.makeClass('Year 7 Science');
        expect(code).toMatch(/^[2-9A-HJ-NP-TV-Z]{6}$/);

        // Two learners, two browsers. Sam gets both right and finishes.
        const samContext = await browser.newContext();
        const sam = await new JoinPage(await samContext.newPage()).join(lessonUrl, code, 'Sam');
        await sam.play();
        await sam.expectQuestion('Which force pulls things down?');
        await sam.answer('Gravity', 'Correct');
        await sam.dialog.getByRole('button', { name: 'Continue' }).click();
        await sam.expectQuestion('A push is a force.');
        await sam.answer('True', 'Correct');
        await sam.dialog.getByRole('button', { name: 'Continue' }).click();
        await expect(sam.dialog.getByRole('heading', { name: 'Lesson finished' })).toBeVisible({ timeout: 20_000 });
        await shot(sam.page, 'learner-done');

        // Kim answers wrongly, goes back over the start, gets it right, and stops part-way.
        const kimContext = await browser.newContext();
        const kimPage = await kimContext.newPage();
        await kimPage.goto(lessonUrl);
        await shot(kimPage, 'join');
        const kim = await new JoinPage(kimPage).join(lessonUrl, code.toLowerCase(), 'Kim');
        await kim.play();
        await kim.expectQuestion('Which force pulls things down?');
        await kim.answer('Friction', 'Not quite');
        await kim.dialog.getByRole('button', { name: /^Rewatch from/ }).click();
        await kim.expectQuestion('Which force pulls things down?');
        await kim.answer('Gravity', 'Correct');
        await kim.dialog.getByRole('button', { name: 'Continue' }).click();
        await kim.waitUntilPast(5);
        await kim.root.locator('.fs-controls').getByRole('button', { name: 'Pause', exact: true }).click();

        // The teacher's view: each learner as they did it.
        const expectResults = async () => {
          await expect(results.row('Sam')).toContainText('Done');
          await expect(results.row('Sam').getByRole('img', { name: 'Question 1: right first time' })).toBeVisible();
          await expect(results.row('Sam').getByRole('img', { name: 'Question 2: right first time' })).toBeVisible();
          await expect(results.row('Sam')).toContainText('100%');
          await expect(results.row('Kim')).toContainText('Watching');
          await expect(results.row('Kim').getByRole('img', { name: 'Question 1: wrong first time' })).toBeVisible();
          await expect(results.row('Kim').getByRole('img', { name: 'Question 2: not answered' })).toBeVisible();
          await expect(
            page.getByRole('img', { name: 'Question 1: 50% right first time, of 2 who answered' }),
          ).toBeVisible();
          await expect(page.getByText('Common wrong answers: “Friction” (1).')).toBeVisible();
          await expect(page.locator('figcaption')).toContainText(/Most went back over 0:00–0:0[23] \(1\)/);
          await expect(
            page.getByRole('img', { name: /Of 2 learners: 0 stuck, 1 watching, 1 done, 0 not started/ }),
          ).toBeVisible();
        };
        await expect(async () => {
          await results.refresh();
          await expectResults();
        }).toPass({ timeout: 30_000 });
        await shot(page, 'results');
        await expectAccessible(page, 'Class results with two learners');
        await samContext.close();
        await kimContext.close();

        // Both restarted: the server from its data, the studio from its library.
        await server.restart();
        await host.restart();
        await results.open(host.url, lessonId);
        await expectResults();
        await expect(page.getByRole('alert')).toHaveCount(0);

        // The server down: the kept copy opens, saying so.
        await server.stop();
        await results.open(host.url, lessonId);
        await expect(page.getByRole('alert')).toContainText('Showing the copy kept on this computer');
        await expectResults();
        await shot(page, 'offline');
      } finally {
        await server.stop();
        server.remove();
      }
    });
  });
}
