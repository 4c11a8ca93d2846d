import path from 'node:path';
import { test, expect } from './fixtures';
import { publishableLesson } from './lms/publishedLesson';
import { ClassResultsPage } from './pages/ClassResultsPage';
import { LtiCoursePage } from './pages/LtiCoursePage';
import { PublishedLessonPage } from './pages/PublishedLessonPage';
import { expectAccessible } from './support/axe';
import { startClassServer } from './support/classServer';
import { rpc } from './support/rpc';
import { publishToServer, waitForJob } from './support/publishToServer';
import { registerTestLms, startTestLms } from './support/testLms';
import { ROLE } from '../src/server/testing/ltiPlatform.testkit';

const TEACHING_ASSISTANT = 'http://purl.imsglobal.org/vocab/lis/v2/membership/Instructor#TeachingAssistant';

const shots = process.env.LTI_SHOTS;

test('from an LMS course page, on another site, with third-party cookies blocked: a learner answers in the lesson and the instructor sees it in Class results, with the roster’s learners who have not started', async ({
  host,
  page,
  browser,
}) => {
  test.setTimeout(240_000);
  const { lms, port, tool } = await startTestLms();
  const server = await startClassServer(undefined, 1, {
    port,
    publicHost: 'localhost',
    prepare: (dataDir) => registerTestLms(dataDir, lms, ['--token-url', lms.tokenUrl]),
  });
  // The course's roster (NRPS): Ana is enrolled but has not opened the lesson yet; Tom assists the instructor.
  lms.services.memberships.courses.set('course-1', [
    { user_id: 'lms-user-1', name: 'Ada Teacher', roles: [ROLE.instructor] },
    { user_id: 'lms-user-17', name: 'Sam Lee', roles: [ROLE.learner] },
    { user_id: 'lms-user-18', name: 'Kim Park', roles: [ROLE.learner] },
    { user_id: 'lms-user-19', name: 'Ana Ruiz', roles: [ROLE.learner] },
    { user_id: 'lms-ta-1', name: 'Tom Assistant', roles: [TEACHING_ASSISTANT] },
  ]);
  try {
    const { lessonId, renderId } = await publishableLesson(host, 'Forces');
    await rpc(host, 'app:classroom.connect', { url: `http://127.0.0.1:${port}`, token: server.token });
    const job = await waitForJob(host, await publishToServer(host, lessonId, renderId));
    const lessonUrl = job.output?.lessonUrl ?? '';
    expect(lessonUrl).toMatch(new RegExp(`^${tool}/l/[a-z0-9]{10}$`));

    // Sam, through the platform storage (the LMS offers lti_storage_target).
    const samPage = await (await browser.newContext()).newPage();
    const sam = new LtiCoursePage(samPage, lms.origin, tool);
    await sam.open('learner', { sub: 'lms-user-17', name: 'Sam Lee' }, lessonUrl);
    const lesson = new PublishedLessonPage(samPage);
    await lesson.ready();
    expect(await sam.toolCookieProbe(), 'the tool frame must be third-party, without cookies').toBe('');
    expect(await sam.storageLog()).toEqual([
      { origin: tool, subject: 'lti.put_data', key: expect.stringMatching(/^flipside_nonce_/) as unknown },
      { origin: tool, subject: 'lti.get_data', key: expect.stringMatching(/^flipside_nonce_/) as unknown },
    ]);
    await lesson.play();
    await lesson.expectQuestion('Which force pulls things down?');
    await lesson.answer('Magnetism', 'Not quite');
    await lesson.dialog.getByRole('button', { name: 'Try again' }).click();
    await lesson.answer('Gravity', 'Correct');
    if (shots) await samPage.screenshot({ path: path.join(shots, 'lti-learner.png') });

    // Kim's LMS offers no platform storage: the signed state alone carries the login.
    const kimPage = await (await browser.newContext()).newPage();
    const kim = new LtiCoursePage(kimPage, lms.origin, tool);
    await kim.open('learner', { sub: 'lms-user-18', name: 'Kim Park' }, lessonUrl, false);
    await new PublishedLessonPage(kimPage).ready();
    expect(await kim.storageLog()).toEqual([]);

    // The instructor opens the same link: the class's results, inside the course page.
    const adaPage = await (await browser.newContext()).newPage();
    const ada = new LtiCoursePage(adaPage, lms.origin, tool);
    await expect(async () => {
      await ada.open('instructor', { sub: 'lms-user-1', name: 'Ada Teacher' }, lessonUrl);
      await expect(ada.tool.getByRole('row', { name: /Which force pulls things down\?/ })).toContainText(
        'Magnetism (1)',
        { timeout: 5_000 },
      );
    }).toPass({ timeout: 30_000 });
    await expect(ada.tool.getByRole('heading', { level: 1, name: 'Class results: Forces' })).toBeVisible();
    await expect(ada.tool.getByText('Physics 7B (Test LMS) · 3 learner(s)')).toBeVisible();
    await expect(ada.tool.getByRole('row', { name: /Sam Lee/ })).toBeVisible();
    await expect(ada.tool.getByRole('row', { name: /Kim Park/ })).toContainText('Not started');
    // Ana is on the course's roster and has never launched: not started, from the list the LMS gave.
    await expect(ada.tool.getByRole('row', { name: /Ana Ruiz/ })).toContainText('Not started');
    await expect(ada.tool.getByText(/come from the course’s list of learners/)).toBeVisible();
    await expect(ada.tool.getByRole('row', { name: /Ada Teacher|Tom Assistant/ })).toHaveCount(0);
    if (shots) await adaPage.screenshot({ path: path.join(shots, 'lti-instructor.png'), fullPage: true });
    // axe goes into the frame too: the results page as the instructor meets it, inside the course page.
    await expectAccessible(adaPage, 'Class results in an LMS course page');

    // The studio's Class results read the same list; Ana has no records there to export or delete.
    const studio = new ClassResultsPage(page);
    await studio.open(host.url, lessonId);
    await expect(studio.row('Ana Ruiz')).toContainText('Not started');
    await expect(studio.row('Ana Ruiz').getByRole('button', { name: /Actions for/ })).toHaveCount(0);
    await expect(studio.row('Sam Lee').getByRole('button', { name: 'Actions for Sam Lee' })).toBeVisible();
    await expect(studio.row('Tom Assistant')).toHaveCount(0);

    // Ana opens the lesson and watches: she moves from not started to started, listed once.
    const anaPage = await (await browser.newContext()).newPage();
    await new LtiCoursePage(anaPage, lms.origin, tool).open(
      'learner',
      { sub: 'lms-user-19', name: 'Ana Ruiz' },
      lessonUrl,
    );
    const anaLesson = new PublishedLessonPage(anaPage);
    await anaLesson.ready();
    await anaLesson.play();
    await anaLesson.expectQuestion('Which force pulls things down?');
    await anaLesson.answer('Gravity', 'Correct');
    await expect(async () => {
      await ada.open('instructor', { sub: 'lms-user-1', name: 'Ada Teacher' }, lessonUrl);
      await expect(ada.tool.getByRole('row', { name: /Ana Ruiz/ })).toContainText('Watching', { timeout: 5_000 });
    }).toPass({ timeout: 30_000 });
    await expect(ada.tool.getByRole('row', { name: /Ana Ruiz/ })).toHaveCount(1);
    await expect(ada.tool.getByText('Physics 7B (Test LMS) · 3 learner(s)')).toBeVisible();
  } finally {
    await server.stop();
    server.remove();
    await lms.close();
  }
});
