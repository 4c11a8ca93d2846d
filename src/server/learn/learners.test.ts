import { afterAll, beforeAll, expect, it } from 'vitest';
import { classServerApi } from '@shared/classServer/api';
import { analyzeClass } from '@shared/classServer/analyze';
import type { LearnerEvent } from '@shared/classServer/events';
import {
  callApi,
  describeEngines,
  publishBytes,
  slugOf,
  startTestServer,
  stopPostgres,
  submitJoin,
  type TestServer,
} from '../testing/harness.testkit';
import { event, watched } from '../testing/learnerEvents.testkit';
import { QUESTION_FORCE, QUESTION_PUSH, testPackageZip } from '../testing/testPackage.testkit';

afterAll(() => stopPostgres());

const T0 = Date.UTC(2026, 2, 2, 9, 0, 0);

describeEngines('learners joining and reporting', (engine) => {
  let server: TestServer;
  let token: string;
  let slug: string;
  let lessonId: string;
  let code: string;
  const post = (session: string, events: LearnerEvent[]) =>
    callApi(server.url, classServerApi.events, { token: session, body: { events } });

  beforeAll(async () => {
    server = await startTestServer(engine);
    token = await server.teacher('ada@school.example');
    const published = await publishBytes(server.url, token, await testPackageZip());
    slug = slugOf(published.lesson.url);
    lessonId = published.lesson.id;
    code = (await callApi(server.url, classServerApi.createClass, { token, body: { name: 'Year 7 Science' } }))
      .joinCode;
  }, 60_000);
  afterAll(() => server.close());

  it('the lesson link shows the join form; a wrong code is refused with words a child understands', async () => {
    const page = await fetch(new URL(`/l/${slug}`, server.url));
    const html = await page.text();
    expect(html).toContain('<label for="code">Class code</label>');
    expect(html).toContain('<label for="name">Your name</label>');
    expect(page.headers.get('content-security-policy')).toMatch(/default-src 'none'/);
    const wrong = await submitJoin(server.url, slug, { code: 'ZZZZZZ', name: 'Sam' });
    expect(wrong.status).toBe(404);
    expect(wrong.html).toContain('That class code is not right for this lesson');
    expect(wrong.html).toContain('value="Sam"');
    const blank = await submitJoin(server.url, slug, { code, name: '   ' });
    expect(blank.status).toBe(400);
    expect(blank.html).toContain('Type your name');
  });

  it('a code forgives case and spaces; the same name from another browser is refused, from the same one continues', async () => {
    const spaced = `${code.slice(0, 3).toLowerCase()} ${code.slice(3)}`;
    const sam = await submitJoin(server.url, slug, { code: spaced, name: '  Sam   Lee ' });
    expect(sam.status).toBe(303);
    expect(sam.session).not.toBeNull();
    expect(sam.cookie).toMatch(/^fs_c_[0-9a-f]{32}=/);
    const session = await callApi(server.url, classServerApi.session, { token: sam.session ?? '' });
    expect(session).toMatchObject({
      learnerName: 'Sam Lee',
      className: 'Year 7 Science',
      resumeState: null,
      version: 1,
    });
    const impostor = await submitJoin(server.url, slug, { code, name: 'sam lee' });
    expect(impostor.status).toBe(409);
    expect(impostor.html).toContain('has already joined as “Sam Lee”');
    const page = await (
      await fetch(new URL(`/l/${slug}`, server.url), { headers: { cookie: sam.cookie ?? '' } })
    ).text();
    expect(page).toContain('Continue as Sam Lee (Year 7 Science)');
    const learnerId = /name="learner" value="([^"]+)"/.exec(page)?.[1] ?? '';
    const back = await submitJoin(
      server.url,
      slug,
      { learner: learnerId },
      { cookie: sam.cookie ?? '', action: 'continue' },
    );
    expect(back.status).toBe(303);
    expect(back.cookie).toBeNull();
    const stranger = await submitJoin(server.url, slug, { learner: learnerId }, { action: 'continue' });
    expect(stranger.status).toBe(403);
  });

  it('every event is stored once however often it is sent, and progress never goes back in time', async () => {
    const kim = await submitJoin(server.url, slug, { code, name: 'Kim' });
    const session = kim.session ?? '';
    const batch = [
      ...watched(T0, 0, 10_000),
      event(T0 + 10_000, { kind: 'paused', atMs: 10_000 }),
      event(T0 + 11_000, {
        kind: 'answer',
        checkpointId: QUESTION_FORCE,
        correct: true,
        response: ['b'],
        latencyMs: 900,
      }),
      event(T0 + 11_500, { kind: 'progress', progress: 0.2, locationMs: 10_000, state: 'FS1:new' }),
    ];
    expect(await post(session, batch)).toEqual({ accepted: 4, duplicates: 0 });
    // The connection dropped before the answer came back: the player sends the same batch again.
    expect(await post(session, batch)).toEqual({ accepted: 0, duplicates: 4 });
    // A batch from an offline queue arrives late, with older progress: it is kept, but does not win.
    const old = [event(T0 + 5_000, { kind: 'progress', progress: 0.1, locationMs: 5_000, state: 'FS1:old' })];
    expect(await post(session, old)).toEqual({ accepted: 1, duplicates: 0 });
    expect((await callApi(server.url, classServerApi.session, { token: session })).resumeState).toBe('FS1:new');
    const [count] = await server.db.query<{ n: number }>(
      'SELECT count(*)::int AS n FROM events WHERE learner_id = (SELECT id FROM learners WHERE display_name = $1)',
      ['Kim'],
    );
    expect(count?.n).toBe(5);
  });

  it('a bad batch is refused whole, naming the field', async () => {
    const lee = await submitJoin(server.url, slug, { code, name: 'Lee' });
    await expect(
      post(lee.session ?? '', [event(T0, { kind: 'watched', fromMs: 5_000, toMs: 1_000, rate: 1 })]),
    ).rejects.toMatchObject({ status: 400, code: 'invalid_input' });
  });

  it('class results show each learner as they did it: answers, score, re-watching, skipping, completion', async () => {
    const classroom = await callApi(server.url, classServerApi.createClass, { token, body: { name: 'Results class' } });
    const join = async (name: string) =>
      (await submitJoin(server.url, slug, { code: classroom.joinCode, name })).session ?? '';
    const ana = await join('Ana');
    const ben = await join('Ben');
    await join('Cy');
    // Ana: watches straight through, right first time on both, completes.
    await post(ana, [
      ...watched(T0, 0, 60_000),
      event(T0 + 10_000, {
        kind: 'answer',
        checkpointId: QUESTION_FORCE,
        correct: true,
        response: ['b'],
        latencyMs: 3_000,
      }),
      event(T0 + 40_000, {
        kind: 'answer',
        checkpointId: QUESTION_PUSH,
        correct: true,
        response: true,
        latencyMs: 2_000,
      }),
      event(T0 + 60_000, { kind: 'score', raw: 2, max: 2, scaled: 1 }),
      event(T0 + 60_000, { kind: 'completion', completion: 'completed', success: 'passed' }),
    ]);
    // Ben: wrong twice on the first question (out of tries), goes back over 0-10 s three more times, skips 20-40 s.
    await post(ben, [
      ...watched(T0, 0, 10_000),
      event(T0 + 10_000, {
        kind: 'answer',
        checkpointId: QUESTION_FORCE,
        correct: false,
        response: ['a'],
        latencyMs: 3_000,
      }),
      event(T0 + 11_000, { kind: 'seeked', fromMs: 10_000, toMs: 0 }),
      ...watched(T0 + 12_000, 0, 10_000),
      ...watched(T0 + 23_000, 0, 10_000),
      ...watched(T0 + 34_000, 0, 10_000),
      event(T0 + 45_000, {
        kind: 'answer',
        checkpointId: QUESTION_FORCE,
        correct: false,
        response: ['c'],
        latencyMs: 3_000,
      }),
      ...watched(T0 + 46_000, 10_000, 20_000, 1.5),
      event(T0 + 53_000, { kind: 'seeked', fromMs: 20_000, toMs: 40_000 }),
      event(T0 + 53_100, { kind: 'paused', atMs: 40_000 }),
      event(T0 + 53_200, { kind: 'score', raw: 0, max: 2, scaled: 0 }),
    ]);
    const results = await callApi(server.url, classServerApi.results, {
      token,
      params: { lessonId },
      query: { classId: classroom.id },
    });
    expect(results.learners.map((learner) => learner.name)).toEqual(['Ana', 'Ben', 'Cy']);
    const [anaRow, benRow, cyRow] = results.learners;
    expect(anaRow?.run?.viewing).toMatchObject({
      watchedMs: 60_000,
      skipped: [],
      segments: [{ startMs: 0, endMs: 60_000, count: 1 }],
    });
    expect(benRow?.run?.viewing).toMatchObject({
      watchedMs: 20_000,
      furthestMs: 20_000,
      pauses: 1,
      seeks: 2,
      rates: [1, 1.5],
      segments: [
        { startMs: 0, endMs: 10_000, count: 4 },
        { startMs: 10_000, endMs: 20_000, count: 1 },
      ],
    });
    expect(benRow?.run?.attempts.map((attempt) => attempt.response)).toEqual([['a'], ['c']]);
    expect(cyRow?.run).toMatchObject({ attempts: [], viewing: { watchedMs: 0 } });

    const analysis = analyzeClass(results, T0 + 3600_000);
    expect(analysis.learners.map((learner) => [learner.name, learner.status])).toEqual([
      ['Ana', 'done'],
      ['Ben', 'stuck'],
      ['Cy', 'notStarted'],
    ]);
    expect(analysis.learners[1]?.reasons).toEqual([
      { kind: 'failed', questionId: QUESTION_FORCE, questionNumber: 1 },
      { kind: 'rewatched', startMs: 0, endMs: 10_000, times: 3 },
    ]);
    expect(analysis.questions[0]).toMatchObject({
      answered: 2,
      rightFirstTime: 1,
      percentRightFirstTime: 50,
      wrongAnswers: [
        { label: 'Friction', learners: 1 },
        { label: 'Magnetism', learners: 1 },
      ],
    });
  });

  it('guessing codes is held back, while a whole class joining from one network is not', async () => {
    for (let n = 0; n < 40; n += 1) {
      const joined = await submitJoin(server.url, slug, { code, name: `Learner ${n}` });
      expect(joined.status).toBe(303);
    }
    const answers: number[] = [];
    for (let n = 0; n < 25; n += 1)
      answers.push((await submitJoin(server.url, slug, { code: 'ZZZZZ2', name: 'Eve' })).status);
    expect(answers.filter((status) => status === 404).length).toBeLessThanOrEqual(20);
    expect(answers.at(-1)).toBe(429);
    const refused = await submitJoin(server.url, slug, { code, name: 'Eve' });
    expect(refused.status).toBe(429);
    expect(refused.html).toContain('Too many wrong codes from this network');
  });
});
