import { randomUUID } from 'node:crypto';
import path from 'node:path';
import type { Browser } from '@playwright/test';
import { test, expect, type HostFixture } from './fixtures';
import { FORCES_QUESTIONS, publishableLesson } from './lms/publishedLesson';
import { LtiCoursePage } from './pages/LtiCoursePage';
import { PublishedLessonPage } from './pages/PublishedLessonPage';
import { expectAccessible } from './support/axe';
import { rpc } from './support/rpc';
import { publishToServer, waitForJob } from './support/publishToServer';
import { lmsWithClassServer } from './support/testLms';
import { publishBytes } from '../src/server/testing/apiClient.testkit';
import { testPackageZip } from '../src/server/testing/testPackage.testkit';
import { SERVER_ENGINES, withServerDatabase } from './support/classServer';

const shots = process.env.LTI_SHOTS;

const adaOnly = ['--teacher', 'ada@school.example'];

for (const engine of SERVER_ENGINES) {
  test(`an instructor adds two lessons from the LMS, with third-party cookies blocked; two learners’ scores reach its gradebook (${engine})`, async ({
    host,
    browser,
  }) => {
    test.setTimeout(300_000);
    await withServerDatabase(engine, (database) => gradesReachTheGradebook(host, browser, database));
  });
}

async function gradesReachTheGradebook(host: HostFixture, browser: Browser, database: string | undefined) {
  const setup = await lmsWithClassServer(adaOnly, database);
  const { lms, tool } = setup;
  try {
    await rpc(host, 'app:classroom.connect', { url: `http://127.0.0.1:${setup.port}`, token: setup.server.token });
    for (const title of ['Forces', 'Waves']) {
      // Each lesson has its own questions (a question belongs to one recording).
      const questions =
        title === 'Forces' ? FORCES_QUESTIONS : FORCES_QUESTIONS.map((question) => ({ ...question, id: randomUUID() }));
      const { lessonId, renderId } = await publishableLesson(host, title, questions);
      const job = await waitForJob(host, await publishToServer(host, lessonId, renderId, title));
      expect(job.state).toBe('done');
    }

    // Ada adds content: the tool's page lists her lessons inside the course's frame.
    const adaPage = await (await browser.newContext()).newPage();
    const ada = new LtiCoursePage(adaPage, lms.origin, tool);
    await ada.addContent({ sub: 'lms-teacher-1', name: 'Ada Teacher' });
    await expect(ada.tool.getByRole('heading', { level: 1, name: 'Add Flipside lessons' })).toBeVisible();
    expect(await ada.toolCookieProbe(), 'the tool frame must be third-party, without cookies').toBe('');
    const group = ada.tool.getByRole('group', { name: 'Lessons to add' });
    await expect(group.getByRole('checkbox')).toHaveCount(2);
    await expectAccessible(adaPage, 'Deep linking choice in an LMS course page');
    // By keyboard: a checkbox takes Space, the button Enter.
    await group.getByRole('checkbox', { name: /Forces/ }).focus();
    await adaPage.keyboard.press('Space');
    await group.getByRole('checkbox', { name: /Waves/ }).check();
    if (shots) await adaPage.screenshot({ path: path.join(shots, 'lti-deep-linking.png') });
    await ada.tool.getByRole('button', { name: 'Add to the course' }).focus();
    await adaPage.keyboard.press('Enter');
    // The signed answer went back to the LMS, which checked it against the tool's keys.
    await expect(ada.tool.getByRole('heading', { name: 'Content added' })).toBeVisible();
    await expect(ada.tool.getByRole('listitem')).toHaveText(['Forces', 'Waves']);
    expect(lms.services.refusedResponses).toEqual([]);
    expect([...lms.services.lineItems.values()].map((item) => [item.label, item.scoreMaximum])).toEqual([
      ['Forces', 2],
      ['Waves', 2],
    ]);
    const forces = [...lms.services.links.values()].find((link) => link.title === 'Forces');
    if (!forces?.lineitem) throw new Error('Forces was not added with a gradebook column');

    // Sam gets both right first time; Kim needs a second try on the first question.
    const learners = [
      { sub: 'lms-user-17', name: 'Sam Lee', first: 'Gravity' },
      { sub: 'lms-user-18', name: 'Kim Park', first: 'Magnetism' },
    ];
    for (const learner of learners) {
      const page = await (await browser.newContext()).newPage();
      await new LtiCoursePage(page, lms.origin, tool).openLink(learner, forces.resourceLinkId);
      const lesson = new PublishedLessonPage(page);
      await lesson.ready();
      await lesson.play();
      await lesson.expectQuestion('Which force pulls things down?');
      if (learner.first === 'Gravity') await lesson.answer('Gravity', 'Correct');
      else {
        await lesson.answer(learner.first, 'Not quite');
        await lesson.dialog.getByRole('button', { name: 'Try again' }).click();
        await lesson.answer('Gravity', 'Correct');
      }
      await lesson.dialog.getByRole('button', { name: 'Continue' }).click();
      await lesson.expectQuestion('A push is a force.');
      await lesson.answer('True', 'Correct');
      await lesson.dialog.getByRole('button', { name: 'Continue' }).click();
      await expect(lesson.summary).toBeVisible({ timeout: 20_000 });
    }

    const final = (sub: string) =>
      lms.services.scores.filter((score) => score.body.userId === sub && score.body.gradingProgress === 'FullyGraded');
    await expect.poll(() => final('lms-user-17').length + final('lms-user-18').length, { timeout: 30_000 }).toBe(2);
    expect(final('lms-user-17')[0]?.body).toMatchObject({
      activityProgress: 'Completed',
      scoreMaximum: 2,
      scoreGiven: 2,
      comment: '2 of 2 first time',
    });
    expect(final('lms-user-18')[0]?.body).toMatchObject({
      activityProgress: 'Completed',
      scoreMaximum: 2,
      comment: '1 of 2 first time',
    });
    for (const score of lms.services.scores) {
      expect(score.lineitem).toBe(forces.lineitem);
      expect(score.contentType).toBe('application/vnd.ims.lis.v1.score+json');
    }
    // Each learner's states arrived in order, each once: Started first, FullyGraded last.
    for (const sub of ['lms-user-17', 'lms-user-18']) {
      const states = lms.services.scores
        .filter((score) => score.body.userId === sub)
        .map((score) => JSON.stringify({ ...score.body, timestamp: undefined }));
      expect(new Set(states).size).toBe(states.length);
      expect(JSON.parse(states[0] ?? '{}')).toMatchObject({ activityProgress: 'Started' });
    }
  } finally {
    await setup.close();
  }
}

test('a deep-linking answer naming another teacher’s lesson is refused, and the LMS receives nothing', async ({
  browser,
}) => {
  test.setTimeout(120_000);
  const setup = await lmsWithClassServer(adaOnly);
  const { lms, tool, server } = setup;
  try {
    const adaLesson = await publishBytes(server.url, server.token, await testPackageZip({ title: 'Forces' }));
    const bobLesson = await publishBytes(server.url, setup.bobToken, await testPackageZip({ title: 'Bob’s quiz' }));
    const page = await (await browser.newContext()).newPage();
    const ada = new LtiCoursePage(page, lms.origin, tool);
    await ada.addContent({ sub: 'lms-teacher-1', name: 'Ada Teacher' });
    const forces = ada.tool.getByRole('checkbox', { name: /Forces/ });
    await expect(forces).toBeVisible();
    await expect(ada.tool.getByText('Bob’s quiz')).toHaveCount(0);
    // A forged choice: the checkbox's value changed to Bob's lesson in the page, as a tampering instructor could.
    await forces.evaluate((input, id) => input.setAttribute('value', id), bobLesson.lesson.id);
    expect(bobLesson.lesson.id).not.toBe(adaLesson.lesson.id);
    await forces.check();
    await ada.tool.getByRole('button', { name: 'Add to the course' }).click();
    await expect(
      ada.tool.getByText('Only lessons of the teacher this course is registered with can be added'),
    ).toBeVisible();
    expect(lms.services.links.size).toBe(0);
    expect(lms.services.refusedResponses).toEqual([]);
  } finally {
    await setup.close();
  }
});
