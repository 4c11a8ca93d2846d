import fs from 'node:fs';
import path from 'node:path';
import { test, expect } from './fixtures';
import { publishableLesson, publishOverRpc, QUESTION_ONE, QUESTION_TWO, unzip } from './lms/publishedLesson';
import { serveStatic } from './support/staticServer';
import { PublishedLessonPage } from './pages/PublishedLessonPage';

type Cmi = Record<string, unknown>;
/** The test LMS page's globals, as the browser sees them. */
const removeLessonFrame = () =>
  (globalThis as unknown as { document: { querySelector(selector: string): { remove(): void } | null } }).document
    .querySelector('iframe')
    ?.remove();
const shots = process.env.PUBLISH_SHOTS;

/** The learner's side of a published package, inside scorm-again (a third-party LMS runtime), for each SCORM version. */
for (const version of ['12', '2004'] as const) {
  test(`SCORM ${version}: a learner answers, leaves halfway, resumes and finishes; the LMS records it all`, async ({
    host,
    page,
  }) => {
    const format = version === '12' ? 'scorm12' : 'scorm2004';
    const { lessonId, renderId } = await publishableLesson(host);
    const { file } = await publishOverRpc(host, lessonId, renderId, format);
    const dir = await unzip(file);
    const server = await serveStatic({
      '/lms': path.join(__dirname, 'lms'),
      '/scorm-again': path.join(__dirname, '../node_modules/scorm-again/dist'),
      '/pkg': dir,
    });
    const cmiOf = () =>
      page.evaluate(
        (name) =>
          JSON.parse(JSON.stringify((globalThis as unknown as Record<string, { cmi: unknown }>)[name]?.cmi)) as Cmi,
        version === '12' ? 'API' : 'API_1484_11',
      );
    const sets = () => page.evaluate(() => (globalThis as unknown as { LMS_SETS: [string, string][] }).LMS_SETS);
    const calls = () => page.evaluate(() => (globalThis as unknown as { LMS_CALLS: string[] }).LMS_CALLS);
    const lmsUrl = `${server.origin}/lms/lms.html?version=${version}&launch=${encodeURIComponent('/pkg/index.html')}`;
    try {
      // Session 1: the first question, wrong then right, then leave at about half way.
      await page.goto(lmsUrl);
      const lesson = new PublishedLessonPage(page);
      await lesson.ready();
      await expect(lesson.banner).toHaveCount(0);
      await lesson.setSpeed('2');
      await lesson.play();
      await lesson.expectQuestion('Which force pulls things down?');
      await lesson.answer('Friction', 'Not quite');
      await lesson.dialog.getByRole('button', { name: 'Try again' }).click();
      await lesson.answer('Gravity', 'Correct');
      await lesson.dialog.getByRole('button', { name: 'Continue' }).click();
      await lesson.waitUntilPast(5);
      // Paused at once, not by a click a busy machine might deliver after the next question already stopped play.
      await lesson.media.evaluate((media) => (media as unknown as { pause(): void }).pause());
      await expect(
        lesson.root.locator('.fs-controls').getByRole('button', { name: 'Play', exact: true }),
      ).toBeVisible();
      const leftAt = await lesson.currentTime();
      if (shots) await page.screenshot({ path: path.join(shots, `pub-lms-scorm${version}.png`) });
      // The teacher's debug panel lists the calls; none failed.
      await lesson.root
        .locator('.fs-controls')
        .getByRole('button', { name: 'Play', exact: true })
        .press('Control+Shift+D');
      const panel = lesson.root.getByRole('complementary', { name: 'LMS connection details' });
      await expect(panel.locator('.fs-debug-status')).toHaveText(
        new RegExp(`^SCORM ${version === '12' ? '1.2: API' : '2004: API_1484_11'} found · \\d+ calls · no errors$`),
      );
      await expect(panel.locator('.fs-debug-call').first()).toContainText(version === '12' ? 'LMSCommit' : 'Commit');
      if (shots) await page.screenshot({ path: path.join(shots, `pub-lms-debug-scorm${version}.png`) });
      // The LMS closes the lesson's frame: pagehide commits and terminates.
      await page.evaluate(removeLessonFrame);
      await expect.poll(calls).toContain(version === '12' ? 'LMSFinish' : 'Terminate');
      const first = await cmiOf();
      const firstSets = await sets();
      const value = (element: string) => firstSets.filter(([name]) => name === element).at(-1)?.[1];
      const interactions = firstSets
        .filter(([name]) => /^cmi\.interactions\.\d+\.result$/.test(name))
        .map(([, result]) => result);
      expect(interactions).toEqual(version === '12' ? ['wrong', 'correct'] : ['incorrect', 'correct']);
      expect(firstSets.filter(([name]) => /^cmi\.interactions\.\d+\.id$/.test(name)).map(([, id]) => id)).toEqual([
        QUESTION_ONE,
        QUESTION_ONE,
      ]);
      const suspendData = value('cmi.suspend_data');
      expect(suspendData).toMatch(/^FS1:/);
      if (version === '12') {
        expect(value('cmi.core.lesson_status')).toBe('incomplete');
        expect(value('cmi.core.exit')).toBe('suspend');
        expect(value('cmi.core.session_time')).toMatch(/^\d{2,4}:\d{2}:\d{2}\.\d{2}$/);
        expect(value('cmi.interactions.1.student_response')).toBe('b');
        expect(value('cmi.interactions.0.correct_responses.0.pattern')).toBe('b');
      } else {
        expect(value('cmi.completion_status')).toBe('incomplete');
        expect(value('cmi.exit')).toBe('suspend');
        expect(value('cmi.session_time')).toMatch(/^PT(\d+M)?[\d.]+S$/);
        expect(value('cmi.interactions.0.learner_response')).toBe('a');
        expect(Number(value('cmi.progress_measure'))).toBeGreaterThan(0.2);
      }

      // Session 2: the LMS relaunches with what it saved; the learner is back where they left.
      const saved =
        version === '12'
          ? { suspend_data: suspendData, core: { lesson_location: value('cmi.core.lesson_location'), entry: 'resume' } }
          : { suspend_data: suspendData, location: value('cmi.location'), entry: 'resume' };
      // scorm-again's own data model agrees with what was set.
      expect(first.suspend_data).toBe(suspendData);
      expect(version === '12' ? (first.core as Cmi).lesson_status : first.completion_status).toBe('incomplete');
      await page.addInitScript((data) => Object.assign(globalThis, { LMS_SAVED: data }), saved);
      await page.goto(lmsUrl);
      const again = new PublishedLessonPage(page);
      await again.ready();
      await expect(again.notice).toContainText('Welcome back');
      expect(Math.abs((await again.currentTime()) - leftAt), `left at ${leftAt}`).toBeLessThan(1);
      await again.setSpeed('2');
      await again.play();
      await again.expectQuestion('A push is a force.');
      await again.answer('True', 'Correct');
      await again.dialog.getByRole('button', { name: 'Continue' }).click();
      await expect(again.root.getByRole('dialog', { name: 'Lesson finished' })).toBeVisible({ timeout: 15_000 });
      await page.evaluate(removeLessonFrame);
      await expect.poll(calls).toContain(version === '12' ? 'LMSFinish' : 'Terminate');
      const done = await cmiOf();
      const doneSets = await sets();
      const last = (element: string) => doneSets.filter(([name]) => name === element).at(-1)?.[1];
      expect(doneSets.filter(([name]) => /^cmi\.interactions\.\d+\.id$/.test(name)).map(([, id]) => id)).toEqual([
        QUESTION_TWO,
      ]);
      if (version === '12') {
        const core = done.core as Record<string, unknown>;
        expect(core.lesson_status).toBe('passed');
        expect((core.score as Record<string, unknown>).raw).toBe('100');
        expect(last('cmi.core.exit')).toBe('');
        expect(last('cmi.interactions.0.result')).toBe('correct');
        expect(last('cmi.interactions.0.student_response')).toBe('t');
      } else {
        expect([done.completion_status, done.success_status]).toEqual(['completed', 'passed']);
        expect((done.score as Record<string, unknown>).scaled).toBe('1');
        expect(last('cmi.exit')).toBe('normal');
        expect(last('cmi.interactions.0.learner_response')).toBe('true');
        expect(last('cmi.session_time')).toMatch(/^PT/);
      }
    } finally {
      await server.close();
      fs.rmSync(dir, { recursive: true, force: true });
    }
  });
}
