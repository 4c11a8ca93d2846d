import fs from 'node:fs';
import path from 'node:path';
import type { Page } from '@playwright/test';
import validateStatement from '@learninglocker/xapi-validation';
import { test, expect } from './fixtures';
import { Cmi5Lms, sessionOf, type XapiStatement } from './cmi5/cmi5Lms';
import { cmi5Problems, moveOnSatisfied } from './cmi5/cmi5Rules';
import { publishableLesson, publishOverRpc, QUESTION_ONE, unzip } from './lms/publishedLesson';
import { PublishedLessonPage } from './pages/PublishedLessonPage';

const shots = process.env.PUBLISH_SHOTS;
const verbOf = (statement: XapiStatement) => statement.verb.id.split('/').at(-1);
/** The verbs in order, without "progressed", whose number depends on how the learner's stops fell. */
const milestones = (statements: readonly XapiStatement[]) =>
  statements.map(verbOf).filter((verb) => verb !== 'progressed');
const PROGRESS = 'https://w3id.org/xapi/cmi5/result/extensions/progress';

/** Every stored statement valid xAPI (Learning Locker's validator), and the cmi5 rules kept for the AU. */
async function expectLawful(lms: Cmi5Lms, au = 0): Promise<XapiStatement[]> {
  const statements = (await lms.statements()).filter((statement) =>
    statement.object.id.startsWith(lms.activityIdOf(au)),
  );
  for (const statement of statements) expect(validateStatement(statement), JSON.stringify(statement)).toEqual([]);
  const unit = lms.aus[au];
  expect(
    cmi5Problems(statements, {
      registration: lms.registration,
      activityId: lms.activityIdOf(au),
      publisherId: unit?.id ?? '',
      masteryScore: unit?.masteryScore === null || unit?.masteryScore === undefined ? null : Number(unit.masteryScore),
      sessions: lms.sessions.filter((session) => session.au === au).map(({ id, mode }) => ({ id, mode })),
    }),
  ).toEqual([]);
  return statements;
}

/** The learner leaves (the page goes away); the AU's last word, terminated, reaches the LRS. */
async function leave(page: Page, lms: Cmi5Lms): Promise<void> {
  const session = lms.sessions.at(-1)?.id;
  await page.goto('about:blank');
  await expect
    .poll(async () => (await lms.statements()).some((s) => sessionOf(s) === session && verbOf(s) === 'terminated'), {
      timeout: 20_000,
    })
    .toBe(true);
}

async function cmi5Course(host: Parameters<typeof publishableLesson>[0]) {
  const { lessonId, renderId } = await publishableLesson(host, 'Forces');
  const { file } = await publishOverRpc(host, lessonId, renderId, 'cmi5');
  const dir = await unzip(file);
  const lms = await Cmi5Lms.start(dir);
  const close = async () => {
    await lms.close();
    fs.rmSync(dir, { recursive: true, force: true });
  };
  return { lms, close };
}

test('cmi5: a learner answers, leaves, resumes and passes; every statement is valid xAPI and keeps the cmi5 rules', async ({
  host,
  page,
}) => {
  const { lms, close } = await cmi5Course(host);
  try {
    await page.goto(await lms.launch());
    const lesson = new PublishedLessonPage(page, false);
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
    await lesson.pauseNow();
    await leave(page, lms);
    const first = await expectLawful(lms);
    expect(milestones(first)).toEqual(['launched', 'initialized', 'answered', 'answered', 'terminated']);
    const progress = first
      .filter((statement) => verbOf(statement) === 'progressed')
      .map((statement) => (statement.result?.extensions as Record<string, number>)[PROGRESS]);
    expect(progress.length).toBeGreaterThan(0);
    expect(progress).toEqual([...progress].sort((a = 0, b = 0) => a - b));
    const answers = first.filter((statement) => verbOf(statement) === 'answered');
    expect(answers.map((statement) => statement.result?.success)).toEqual([false, true]);
    expect(answers[0]?.object).toMatchObject({
      id: `${lms.activityIdOf(0)}/interactions/${QUESTION_ONE}`,
      definition: {
        type: 'http://adlnet.gov/expapi/activities/cmi.interaction',
        interactionType: 'choice',
        correctResponsesPattern: ['b'],
      },
    });

    // Session 2: the learner comes back where they left (the AU's own state), answers the rest and passes.
    await page.goto(await lms.launch());
    const again = new PublishedLessonPage(page, false);
    await again.ready();
    await expect(again.notice).toContainText('Welcome back');
    await again.setSpeed('2');
    await again.play();
    await again.expectQuestion('A push is a force.');
    await again.answer('True', 'Correct');
    await again.dialog.getByRole('button', { name: 'Continue' }).click();
    await expect(again.summary).toBeVisible({ timeout: 15_000 });
    if (shots) await page.screenshot({ path: path.join(shots, 'pub-cmi5-summary.png') });
    // cmi5's returnURL: the session ends and the LMS page takes over.
    await again.summary.getByRole('button', { name: 'Return to the course' }).click();
    await expect(page.getByRole('heading', { name: 'Back in the course' })).toBeVisible();
    await expect.poll(async () => (await lms.statements()).filter((s) => verbOf(s) === 'terminated').length).toBe(2);
    const all = await expectLawful(lms);
    const second = all.filter((statement) => sessionOf(statement) === lms.sessions[1]?.id);
    expect(milestones(second)).toEqual(['launched', 'initialized', 'answered', 'completed', 'passed', 'terminated']);
    expect(second.find((statement) => verbOf(statement) === 'passed')?.result?.score).toEqual({
      scaled: 1,
      raw: 2,
      min: 0,
      max: 2,
    });
    expect(moveOnSatisfied('CompletedAndPassed', all)).toBe(true);

    // A review launch records nothing but initialized and terminated, and says so.
    await page.goto(await lms.launch(0, 'Review'));
    const review = new PublishedLessonPage(page, false);
    await review.ready();
    await expect(review.root.locator('.fs-mode-note')).toContainText('nothing you do now is recorded');
    await review.play();
    await review.waitUntilPast(1);
    await leave(page, lms);
    const reviewed = (await expectLawful(lms)).filter((statement) => sessionOf(statement) === lms.sessions[2]?.id);
    expect(reviewed.map(verbOf)).toEqual(['launched', 'initialized', 'terminated']);
  } finally {
    await close();
  }
});

test('cmi5: an LRS that goes offline never stops the learner, and gets every statement in order when it is back', async ({
  host,
  page,
}) => {
  const { lms, close } = await cmi5Course(host);
  try {
    await page.goto(await lms.launch());
    const lesson = new PublishedLessonPage(page, false);
    await lesson.ready();
    await expect.poll(async () => milestones(await lms.statements())).toEqual(['launched', 'initialized']);
    lms.offline = true;
    await lesson.setSpeed('2');
    await lesson.play();
    await lesson.expectQuestion('Which force pulls things down?');
    await lesson.answer('Gravity', 'Correct');
    await lesson.dialog.getByRole('button', { name: 'Continue' }).click();
    await lesson.expectQuestion('A push is a force.');
    await lesson.answer('True', 'Correct');
    await lesson.dialog.getByRole('button', { name: 'Continue' }).click();
    await expect(lesson.summary).toBeVisible({ timeout: 15_000 });
    await expect(lesson.banner).toHaveCount(0);
    lms.offline = false;
    await expect
      .poll(async () => milestones(await lms.statements()), { timeout: 30_000 })
      .toEqual(['launched', 'initialized', 'answered', 'answered', 'completed', 'passed']);
    await leave(page, lms);
    await expectLawful(lms);
  } finally {
    await close();
  }
});

test('cmi5: a whole project is one course, an AU per lesson in lesson order, each launching its own lesson', async ({
  host,
  page,
}) => {
  const first = await publishableLesson(host, 'Motion');
  const second = await publishableLesson(host, 'Energy', [], first.projectId);
  const { file } = await publishOverRpc(host, second.lessonId, second.renderId, 'cmi5', {
    courseScope: 'project',
    title: 'Physics',
  });
  const dir = await unzip(file);
  const lms = await Cmi5Lms.start(dir);
  try {
    expect(lms.aus.map((au) => [au.id, au.url, au.moveOn])).toEqual([
      [`urn:flipside:au:${first.lessonId}`, 'lesson-1/index.html', 'CompletedAndPassed'],
      [`urn:flipside:au:${second.lessonId}`, 'lesson-2/index.html', 'Completed'],
    ]);
    await page.goto(await lms.launch(1));
    const lesson = new PublishedLessonPage(page, false);
    await lesson.ready();
    await expect(page.getByRole('heading', { level: 1 })).toHaveText('Energy');
    await leave(page, lms);
    await expectLawful(lms, 1);
  } finally {
    await lms.close();
    fs.rmSync(dir, { recursive: true, force: true });
  }
});
