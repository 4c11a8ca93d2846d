import { afterAll, beforeAll, expect, it } from 'vitest';
import { classServerApi } from '@shared/classServer/api';
import { signSession } from '../auth/tokens';
import { sessionKey } from '../settings';
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
import { QUESTION_FORCE, testPackageZip } from '../testing/testPackage.testkit';

afterAll(() => stopPostgres());

const T0 = Date.UTC(2026, 2, 2, 9, 0, 0);

/** Each line a teacher or learner must not cross, tried from the wrong side. */
describeEngines('privacy and access', (engine) => {
  let server: TestServer;
  let ada: string;
  let bob: string;
  let adaLesson: { id: string; slug: string };
  let adaClass: { id: string; joinCode: string };
  let bobClass: { id: string; joinCode: string };
  let sam: { session: string; cookie: string; learnerId: string };

  beforeAll(async () => {
    server = await startTestServer(engine);
    ada = await server.teacher('ada@school.example');
    bob = await server.teacher('bob@school.example');
    const published = await publishBytes(server.url, ada, await testPackageZip());
    adaLesson = { id: published.lesson.id, slug: slugOf(published.lesson.url) };
    adaClass = await callApi(server.url, classServerApi.createClass, { token: ada, body: { name: 'Ada 7B' } });
    bobClass = await callApi(server.url, classServerApi.createClass, { token: bob, body: { name: 'Bob 8C' } });
    const joined = await submitJoin(server.url, adaLesson.slug, { code: adaClass.joinCode, name: 'Sam' });
    const [row] = await server.db.query<{ id: string }>("SELECT id FROM learners WHERE display_name = 'Sam'");
    sam = { session: joined.session ?? '', cookie: joined.cookie ?? '', learnerId: row?.id ?? '' };
    await callApi(server.url, classServerApi.events, {
      token: sam.session,
      body: {
        events: [
          ...watched(T0, 0, 20_000),
          event(T0 + 10_000, {
            kind: 'answer',
            checkpointId: QUESTION_FORCE,
            correct: false,
            response: ['a'],
            latencyMs: 1,
          }),
        ],
      },
    });
  }, 60_000);
  afterAll(() => server.close());

  it('a teacher sees only their own lessons, results and classes', async () => {
    expect((await callApi(server.url, classServerApi.lessons, { token: bob })).lessons).toEqual([]);
    await expect(
      callApi(server.url, classServerApi.results, { token: bob, params: { lessonId: adaLesson.id } }),
    ).rejects.toMatchObject({ status: 404 });
    await expect(
      callApi(server.url, classServerApi.results, {
        token: ada,
        params: { lessonId: adaLesson.id },
        query: { classId: bobClass.id },
      }),
    ).rejects.toMatchObject({ status: 404 });
    expect((await callApi(server.url, classServerApi.classes, { token: bob })).classes.map((c) => c.name)).toEqual([
      'Bob 8C',
    ]);
    const results = await callApi(server.url, classServerApi.results, {
      token: ada,
      params: { lessonId: adaLesson.id },
    });
    expect(results.classes.map((c) => c.name)).toEqual(['Ada 7B']);
    expect(results.learners.map((learner) => learner.name)).toEqual(['Sam']);
  });

  it('a class code of another teacher does not open this teacher’s lesson', async () => {
    const crossed = await submitJoin(server.url, adaLesson.slug, { code: bobClass.joinCode, name: 'Eve' });
    expect(crossed.status).toBe(404);
  });

  it('a teacher cannot export or delete another teacher’s learners or classes', async () => {
    await expect(
      callApi(server.url, classServerApi.deleteLearner, { token: bob, params: { learnerId: sam.learnerId } }),
    ).rejects.toMatchObject({ status: 404 });
    await expect(
      callApi(server.url, classServerApi.deleteClass, { token: bob, params: { classId: adaClass.id } }),
    ).rejects.toMatchObject({ status: 404 });
    for (const query of [`classId=${adaClass.id}`, `learnerId=${sam.learnerId}`]) {
      const response = await fetch(`${server.url}/api/v1/teacher/export?format=json&${query}`, {
        headers: { authorization: `Bearer ${bob}` },
      });
      expect(response.status, query).toBe(404);
    }
  });

  it('a learner cannot call teacher APIs, and a teacher token is no learner session', async () => {
    await expect(callApi(server.url, classServerApi.lessons, { token: sam.session })).rejects.toMatchObject({
      status: 401,
    });
    await expect(
      callApi(server.url, classServerApi.results, { token: sam.session, params: { lessonId: adaLesson.id } }),
    ).rejects.toMatchObject({ status: 401 });
    await expect(callApi(server.url, classServerApi.session, { token: ada })).rejects.toMatchObject({ status: 401 });
  });

  it('a learner reads and writes only their own record: a forged or altered session is refused', async () => {
    const [payload, signature] = sam.session.split('.');
    const claims = JSON.parse(Buffer.from(payload ?? '', 'base64url').toString('utf8')) as Record<string, unknown>;
    const [other] = await server.db.query<{ id: string }>('SELECT gen_random_uuid()::text AS id');
    const altered = `${Buffer.from(JSON.stringify({ ...claims, learnerId: other?.id })).toString('base64url')}.${signature ?? ''}`;
    await expect(callApi(server.url, classServerApi.session, { token: altered })).rejects.toMatchObject({
      status: 401,
    });
    const forged = signSession(Buffer.alloc(32, 1), {
      learnerId: sam.learnerId,
      lessonId: adaLesson.id,
      version: 1,
      expiresAt: Date.now() + 60_000,
    });
    await expect(callApi(server.url, classServerApi.session, { token: forged })).rejects.toMatchObject({ status: 401 });
    const expired = signSession(await sessionKey(server.db), {
      learnerId: sam.learnerId,
      lessonId: adaLesson.id,
      version: 1,
      expiresAt: Date.now() - 1,
    });
    await expect(callApi(server.url, classServerApi.session, { token: expired })).rejects.toMatchObject({
      status: 401,
    });
  });

  it('exports a class’s records as JSON and CSV, with formulas defused', async () => {
    await submitJoin(server.url, adaLesson.slug, { code: adaClass.joinCode, name: '=HYPERLINK("x")' });
    const json = await fetch(`${server.url}/api/v1/teacher/export?format=json&classId=${adaClass.id}`, {
      headers: { authorization: `Bearer ${ada}` },
    });
    expect(json.headers.get('content-disposition')).toMatch(
      /attachment; filename="learner-records-\d{4}-\d\d-\d\d\.json"/,
    );
    const records = (await json.json()) as { learners: { name: string; events: { kind: string }[] }[] };
    expect(records.learners.map((learner) => learner.name)).toEqual(['=HYPERLINK("x")', 'Sam']);
    expect(records.learners[1]?.events.map((e) => e.kind).sort()).toEqual(['answer', 'watched', 'watched']);
    const csv = await (
      await fetch(`${server.url}/api/v1/teacher/export?format=csv&learnerId=${sam.learnerId}`, {
        headers: { authorization: `Bearer ${ada}` },
      })
    ).text();
    const lines = csv.trim().split('\r\n');
    expect(lines[0]).toBe('"class","learner","learner_id","joined","lesson","event","time","details"');
    expect(lines).toHaveLength(4);
    expect(lines.filter((line) => line.includes('"answer"'))).toHaveLength(1);
    const all = await (
      await fetch(`${server.url}/api/v1/teacher/export?format=csv&classId=${adaClass.id}`, {
        headers: { authorization: `Bearer ${ada}` },
      })
    ).text();
    expect(all).toContain(`"'=HYPERLINK(""x"")"`);
  });

  it('deleting a learner removes everything they did; their session then records nothing', async () => {
    const kit = await submitJoin(server.url, adaLesson.slug, { code: adaClass.joinCode, name: 'Kit' });
    const session = kit.session ?? '';
    await callApi(server.url, classServerApi.events, { token: session, body: { events: watched(T0, 0, 10_000) } });
    const [row] = await server.db.query<{ id: string }>("SELECT id FROM learners WHERE display_name = 'Kit'");
    const deleted = await callApi(server.url, classServerApi.deleteLearner, {
      token: ada,
      params: { learnerId: row?.id ?? '' },
    });
    expect(deleted.eventsDeleted).toBe(1);
    const [left] = await server.db.query<{ n: number }>('SELECT count(*)::int AS n FROM events WHERE learner_id = $1', [
      row?.id,
    ]);
    expect(left?.n).toBe(0);
    await expect(
      callApi(server.url, classServerApi.events, { token: session, body: { events: watched(T0, 10_000, 20_000) } }),
    ).rejects.toMatchObject({ status: 410, code: 'gone' });
    await expect(callApi(server.url, classServerApi.session, { token: session })).rejects.toMatchObject({
      status: 410,
    });
  });

  it('retention deletes learners unused for longer than the server keeps records', async () => {
    const old = await submitJoin(server.url, adaLesson.slug, { code: adaClass.joinCode, name: 'Old' });
    await callApi(server.url, classServerApi.events, {
      token: old.session ?? '',
      body: { events: watched(T0, 0, 10_000) },
    });
    await server.db.query("UPDATE learners SET created_at = now() - interval '400 days' WHERE display_name = 'Old'");
    await server.db.query(
      "UPDATE runs SET last_activity_at = now() - interval '400 days' WHERE learner_id = (SELECT id FROM learners WHERE display_name = 'Old')",
    );
    expect(await server.server.sweep()).toEqual({ learnersDeleted: 1 });
    const names = await server.db.query<{ display_name: string }>(
      'SELECT display_name FROM learners ORDER BY display_name',
    );
    expect(names.map((row) => row.display_name)).not.toContain('Old');
    expect(names.map((row) => row.display_name)).toContain('Sam');
  });

  it('deleting a class removes its learners and their records', async () => {
    const throwaway = await callApi(server.url, classServerApi.createClass, { token: ada, body: { name: 'Trial' } });
    await submitJoin(server.url, adaLesson.slug, { code: throwaway.joinCode, name: 'Tess' });
    const answer = await callApi(server.url, classServerApi.deleteClass, {
      token: ada,
      params: { classId: throwaway.id },
    });
    expect(answer.learnersDeleted).toBe(1);
    const [left] = await server.db.query<{ n: number }>(
      "SELECT count(*)::int AS n FROM learners WHERE display_name = 'Tess'",
    );
    expect(left?.n).toBe(0);
  });
});
