import fs from 'node:fs';
import path from 'node:path';
import type { Page } from '@playwright/test';
import type { CheckpointInput } from '../src/shared/checkpoints';
import { test, expect, type HostFixture } from './fixtures';
import { publishableLesson, publishOverRpc, QUESTION_ONE, QUESTION_TWO, unzip } from './lms/publishedLesson';
import { TestLms, type LmsSession } from './lms/testLms';
import { PublishedLessonPage } from './pages/PublishedLessonPage';

type Cmi = Record<string, unknown>;
type Version = '12' | '2004';
const shots = process.env.PUBLISH_SHOTS;

/** The LMS closes the lesson's frame, as it does when the learner leaves: the player's pagehide finishes. */
async function leave(page: Page, lms: TestLms): Promise<LmsSession> {
  const session = lms.lastSession;
  await page.evaluate(() =>
    (globalThis as unknown as { document: { querySelector(selector: string): { remove(): void } | null } }).document
      .querySelector('iframe')
      ?.remove(),
  );
  await expect.poll(() => session.commits.some((commit) => commit.terminate)).toBe(true);
  return session;
}

const get = (cmi: Cmi | null, ...keys: string[]): unknown =>
  keys.reduce<unknown>((value, key) => (value && typeof value === 'object' ? (value as Cmi)[key] : undefined), cmi);
const statusOf = (version: Version, cmi: Cmi | null) =>
  version === '12'
    ? { status: get(cmi, 'core', 'lesson_status'), exit: get(cmi, 'core', 'exit') }
    : { completion: get(cmi, 'completion_status'), success: get(cmi, 'success_status'), exit: get(cmi, 'exit') };
const lastSet = (session: LmsSession, element: string) => session.sets.filter(([name]) => name === element).at(-1)?.[1];

/** A published lesson in the strict test LMS, for one SCORM version; closed with the test. */
async function inLms(host: HostFixture, version: Version, questions?: readonly CheckpointInput[]) {
  const { lessonId, renderId } = await publishableLesson(host, 'Forces', questions);
  const { file } = await publishOverRpc(host, lessonId, renderId, version === '12' ? 'scorm12' : 'scorm2004');
  const dir = await unzip(file);
  const lms = await TestLms.start(version, dir);
  return {
    lms,
    close: async () => {
      await lms.close();
      fs.rmSync(dir, { recursive: true, force: true });
    },
  };
}

/**
 * What Moodle does with every commit: no value written twice unchanged in a session (each commit is an HTTP request
 * carrying what changed), and commits spaced out except for answers and the last one.
 */
function expectQuietCommits(session: LmsSession): void {
  const seen = new Map<string, string>();
  const repeats = session.sets.filter(([element, value]) => {
    const repeated = seen.get(element) === value;
    seen.set(element, value);
    return repeated;
  });
  expect(repeats, 'values set again unchanged').toEqual([]);
  const commits = session.commits;
  for (let index = 1; index < commits.length; index += 1) {
    const gap = (commits[index]?.atMs ?? 0) - (commits[index - 1]?.atMs ?? 0);
    const commit = commits[index];
    const answered = session.sets.some(
      ([element, , atMs]) =>
        /^cmi\.interactions\.\d+\.result$/.test(element) &&
        atMs > (commits[index - 1]?.atMs ?? 0) &&
        atMs <= (commit?.atMs ?? 0),
    );
    if (!commit?.terminate && !answered)
      expect(gap, `commit ${index} came ${gap} ms after the one before`).toBeGreaterThanOrEqual(1500);
  }
}

for (const version of ['12', '2004'] as const) {
  test.describe(`SCORM ${version} in a Moodle-strict LMS`, () => {
    test('a learner answers, leaves halfway (still incomplete, resumed next time), then finishes and passes', async ({
      host,
      page,
    }) => {
      const { lms, close } = await inLms(host, version);
      try {
        await page.goto(lms.url);
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
        await lesson.pauseNow();
        const leftAt = await lesson.currentTime();
        if (shots) await page.screenshot({ path: path.join(shots, `pub-lms-scorm${version}.png`) });
        const first = await leave(page, lms);
        // The running score must not let the LMS decide passed/failed: an unfinished attempt stays incomplete.
        expect(statusOf(version, lms.stored)).toEqual(
          version === '12'
            ? { status: 'incomplete', exit: 'suspend' }
            : { completion: 'incomplete', success: 'unknown', exit: 'suspend' },
        );
        expect(
          first.sets.filter(([name]) => /^cmi\.interactions\.\d+\.result$/.test(name)).map(([, value]) => value),
        ).toEqual(version === '12' ? ['wrong', 'correct'] : ['incorrect', 'correct']);
        expect(first.sets.filter(([name]) => /^cmi\.interactions\.\d+\.id$/.test(name)).map(([, id]) => id)).toEqual([
          QUESTION_ONE,
          QUESTION_ONE,
        ]);
        expect(lastSet(first, 'cmi.suspend_data')).toMatch(/^FS1:/);
        expectQuietCommits(first);

        // Session 2: the LMS resumes the same attempt (exit was suspend), in normal mode, where the learner left.
        await page.goto(lms.url);
        const again = new PublishedLessonPage(page);
        await again.ready();
        expect(lms.lastSession.launch).toMatchObject({ mode: 'normal', entry: 'resume', attempt: 1 });
        await expect(again.notice).toContainText('Welcome back');
        expect(Math.abs((await again.currentTime()) - leftAt), `left at ${leftAt}`).toBeLessThan(1);
        await again.setSpeed('2');
        await again.play();
        await again.expectQuestion('A push is a force.');
        await again.answer('True', 'Correct');
        await again.dialog.getByRole('button', { name: 'Continue' }).click();
        await expect(again.summary).toBeVisible({ timeout: 15_000 });
        await expect(again.summary.locator('.fs-mastery')).toContainText('Passed');
        const second = await leave(page, lms);
        // New interactions are appended after the first session's two, never written over them.
        expect(second.sets.filter(([name]) => /^cmi\.interactions\.\d+\.id$/.test(name))).toEqual([
          ['cmi.interactions.2.id', QUESTION_TWO, expect.any(Number), true],
        ]);
        if (version === '12') {
          expect(statusOf(version, lms.stored)).toEqual({ status: 'passed', exit: '' });
          expect(get(lms.stored, 'core', 'score', 'raw')).toBe('100');
        } else {
          expect(statusOf(version, lms.stored)).toEqual({ completion: 'completed', success: 'passed', exit: 'normal' });
          expect(get(lms.stored, 'score', 'scaled')).toBe('1');
        }
        expectQuietCommits(second);
        expect(lms.typeProblems()).toEqual([]);
        expect(lms.refused()).toEqual([]);
      } finally {
        await close();
      }
    });

    test('a learner who opens the lesson and leaves at once is not failed, and comes back to it', async ({
      host,
      page,
    }) => {
      const { lms, close } = await inLms(host, version);
      try {
        await page.goto(lms.url);
        const lesson = new PublishedLessonPage(page);
        await lesson.ready();
        await leave(page, lms);
        expect(statusOf(version, lms.stored)).toMatchObject(
          version === '12' ? { status: 'incomplete', exit: 'suspend' } : { completion: 'incomplete', exit: 'suspend' },
        );
        await page.goto(lms.url);
        await new PublishedLessonPage(page).ready();
        expect(lms.lastSession.launch).toMatchObject({ mode: 'normal', entry: 'resume' });
        expect(lms.typeProblems()).toEqual([]);
      } finally {
        await close();
      }
    });

    test('typed answers are written in the data-model types: exact numbers, exponents, case-sensitive text', async ({
      host,
      page,
    }) => {
      const { lms, close } = await inLms(host, version, TYPED_QUESTIONS);
      try {
        await page.goto(lms.url);
        const lesson = new PublishedLessonPage(page);
        await lesson.ready();
        await lesson.setSpeed('2');
        await lesson.play();
        await lesson.expectQuestion('How many sides has a triangle?');
        for (const typed of ['0.0000001', '1e21']) {
          await lesson.answerText(typed, 'Not quite');
          await lesson.dialog.getByRole('button', { name: 'Try again' }).click();
        }
        await lesson.answerText('3', 'Correct');
        await lesson.dialog.getByRole('button', { name: 'Continue' }).click();
        await lesson.expectQuestion('Which city is the capital of France? Mind the capital letter.');
        await lesson.answerText('paris', 'Not quite');
        await lesson.dialog.getByRole('button', { name: 'Try again' }).click();
        await lesson.answerText('Paris', 'Correct');
        await lesson.dialog.getByRole('button', { name: 'Continue' }).click();
        await expect(lesson.summary).toBeVisible({ timeout: 15_000 });
        const session = await leave(page, lms);
        expect(lms.typeProblems()).toEqual([]);
        expect(lms.refused()).toEqual([]);
        const response = version === '12' ? 'student_response' : 'learner_response';
        expect(lastSet(session, `cmi.interactions.0.${response}`)).toBe('0.0000001');
        expect(lastSet(session, `cmi.interactions.2.${response}`)).toBe('3');
        if (version === '2004') {
          expect(lastSet(session, 'cmi.interactions.2.correct_responses.0.pattern')).toBe('3[:]3');
          expect(lastSet(session, 'cmi.interactions.4.correct_responses.0.pattern')).toBe('{case_matters=true}Paris');
        } else {
          expect(lastSet(session, 'cmi.interactions.2.correct_responses.0.pattern')).toBe('3');
        }
      } finally {
        await close();
      }
    });

    test('below mastery with a retry left, the attempt stays open and says so; the learner comes back to it', async ({
      host,
      page,
    }) => {
      const { lms, close } = await inLms(host, version, limitedQuestions(1, null));
      try {
        await page.goto(lms.url);
        const lesson = new PublishedLessonPage(page);
        await failBoth(lesson);
        await expect(lesson.summary.locator('.fs-mastery')).toHaveText(
          'Not yet: the goal is 80%. Your progress is kept: review the questions below and try again.',
        );
        await leave(page, lms);
        expect(statusOf(version, lms.stored)).toEqual(
          version === '12'
            ? { status: 'incomplete', exit: 'suspend' }
            : { completion: 'incomplete', success: 'unknown', exit: 'suspend' },
        );
        await page.goto(lms.url);
        await new PublishedLessonPage(page).ready();
        expect(lms.lastSession.launch).toMatchObject({ mode: 'normal', entry: 'resume' });
        expect(lms.typeProblems()).toEqual([]);
      } finally {
        await close();
      }
    });

    test('out of attempts below mastery, the attempt is over and says so; the review launch records nothing', async ({
      host,
      page,
    }) => {
      const { lms, close } = await inLms(host, version, limitedQuestions(1, 1));
      try {
        await page.goto(lms.url);
        const lesson = new PublishedLessonPage(page);
        await failBoth(lesson);
        await expect(lesson.summary.locator('.fs-mastery')).toHaveText(
          'This attempt is over: the goal was 80%. Your result has been recorded.',
        );
        await leave(page, lms);
        expect(statusOf(version, lms.stored)).toEqual(
          version === '12'
            ? { status: 'failed', exit: '' }
            : { completion: 'completed', success: 'failed', exit: 'normal' },
        );
        const recorded = JSON.stringify(lms.stored);
        await page.goto(lms.url);
        const review = new PublishedLessonPage(page);
        await review.ready();
        expect(lms.lastSession.launch).toMatchObject({ mode: 'review', credit: 'no-credit' });
        await expect(review.root.locator('.fs-mode-note')).toHaveText(
          'Review: you can watch and answer again, but nothing you do now is recorded.',
        );
        await review.setSpeed('2');
        await review.play();
        await review.waitUntilPast(4);
        const reviewed = await leave(page, lms);
        expect(reviewed.sets).toEqual([]);
        expect(JSON.stringify(lms.stored)).toBe(recorded);
        if (shots) await page.screenshot({ path: path.join(shots, `pub-lms-review-scorm${version}.png`) });
      } finally {
        await close();
      }
    });
  });
}

const TYPED_QUESTIONS: readonly CheckpointInput[] = [
  {
    id: QUESTION_ONE,
    type: 'numeric',
    sourceMs: 3000,
    prompt: 'How many sides has a triangle?',
    answer: { kind: 'value', value: 3, tolerance: 0 },
  },
  {
    id: QUESTION_TWO,
    type: 'shortAnswer',
    sourceMs: 8000,
    prompt: 'Which city is the capital of France? Mind the capital letter.',
    accepted: ['Paris'],
    matching: { ignoreCase: false, ignoreAccents: true, ignoreSpacing: true, ignorePunctuation: true },
  },
];

/** Two true/false questions, each allowing the given number of attempts (null: unlimited). */
function limitedQuestions(first: number | null, second: number | null): CheckpointInput[] {
  return [
    {
      id: QUESTION_ONE,
      type: 'trueFalse',
      sourceMs: 3000,
      prompt: 'Gravity pulls things down.',
      answer: true,
      attemptsAllowed: first,
    },
    {
      id: QUESTION_TWO,
      type: 'trueFalse',
      sourceMs: 8000,
      prompt: 'A push is a force.',
      answer: true,
      attemptsAllowed: second,
    },
  ];
}

/** Answers both questions wrongly once and plays to the end. */
async function failBoth(lesson: PublishedLessonPage): Promise<void> {
  await lesson.ready();
  await lesson.setSpeed('2');
  await lesson.play();
  for (const prompt of ['Gravity pulls things down.', 'A push is a force.']) {
    await lesson.expectQuestion(prompt);
    await lesson.answer('False', 'Not quite');
    await lesson.dialog.getByRole('button', { name: 'Continue' }).click();
  }
  await expect(lesson.summary).toBeVisible({ timeout: 15_000 });
}
