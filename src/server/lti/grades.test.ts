import { afterAll, beforeAll, expect, it } from 'vitest';
import { classServerApi } from '@shared/classServer/api';
import { callApi, describeEngines, stopPostgres, type TestServer } from '../testing/harness.testkit';
import { event, watched } from '../testing/learnerEvents.testkit';
import { deepLinkPageUrl, formOf, launchThrough, postPageForm, serverWithLms } from '../testing/ltiFlow.testkit';
import { ROLE, type PlatformUser, type TestLtiPlatform } from '../testing/ltiPlatform.testkit';
import { QUESTION_FORCE, QUESTION_PUSH } from '../testing/testPackage.testkit';
import { RETRY_FIRST_MS, ScoreDelivery, scoresUrl } from './scoreDelivery';

afterAll(() => stopPostgres());

const ada: PlatformUser = { sub: 'lms-teacher-1', name: 'Ada Teacher', roles: [ROLE.instructor] };
const learnerNamed = (n: number): PlatformUser => ({
  sub: `lms-user-${n}`,
  name: `Learner ${n}`,
  roles: [ROLE.learner],
});

describeEngines('LTI Assignment and Grade Services 2.0', (engine) => {
  let server: TestServer;
  let lms: TestLtiPlatform;
  let clock = Date.now();
  let lineitem = '';
  let link: { resourceLinkId: string; url: string; lineitem: string | null; custom: Record<string, string> };

  beforeAll(async () => {
    let lesson: { id: string } | undefined;
    ({
      server,
      lms,
      lessons: [lesson],
    } = await serverWithLms(engine, {
      lessons: ['Forces'],
      now: () => clock,
      registration: (platform) => ({ tokenUrl: platform.tokenUrl, teacher: 'ada@school.example' }),
    }));
    // The instructor adds the lesson through deep linking: the LMS makes its gradebook column.
    const answer = await postPageForm(server, await deepLinkPageUrl(server, lms, ada), { lesson: lesson?.id ?? '' });
    const returned = formOf(await answer.text());
    await fetch(returned.action, { method: 'POST', body: new URLSearchParams(returned.fields) });
    const added = [...lms.services.links.values()][0];
    if (!added?.lineitem) throw new Error(`no link added: ${lms.services.refusedResponses.join(', ')}`);
    link = added;
    lineitem = added.lineitem;
  }, 60_000);
  afterAll(async () => {
    await lms.close();
    await server.close();
  });

  async function launchLearner(user: PlatformUser): Promise<string> {
    const response = await launchThrough(
      server.url,
      lms,
      lms.loginParams(user, {
        resourceLinkId: link.resourceLinkId,
        targetLinkUri: link.url,
        contextId: 'course-1',
        contextTitle: 'Physics 7B',
        lineitem: link.lineitem,
        custom: link.custom,
      }),
    );
    return (response.headers.get('location') ?? '').split('#session=')[1] ?? '';
  }

  const send = (
    session: string,
    events: Parameters<typeof callApi<typeof classServerApi.events>>[2]['body']['events'],
  ) => callApi(server.url, classServerApi.events, { token: session, body: { events } });
  const scoresFor = (sub: string) => lms.services.scores.filter((score) => score.body.userId === sub);
  const outbox = async () =>
    server.db.query<{ attempts: number; next_at: string | number; last_error: string | null }>(
      'SELECT attempts, next_at, last_error FROM lti_score_outbox ORDER BY id',
    );

  it('scores follow the learner: Started at launch, InProgress while answering, Completed and FullyGraded at the end', async () => {
    const session = await launchLearner(learnerNamed(1));
    await server.server.deliverScores();
    expect(scoresFor('lms-user-1').map((score) => score.body)).toEqual([
      expect.objectContaining({
        userId: 'lms-user-1',
        activityProgress: 'Started',
        gradingProgress: 'Pending',
        comment: '0 of 2 first time',
      }),
    ]);
    expect(scoresFor('lms-user-1')[0]?.contentType).toBe('application/vnd.ims.lis.v1.score+json');
    expect(scoresFor('lms-user-1')[0]?.lineitem).toBe(lineitem);

    const at = Date.now();
    await send(session, [
      ...watched(at, 0, 10_000),
      event(at + 10_000, {
        kind: 'answer',
        checkpointId: QUESTION_FORCE,
        correct: false,
        response: ['a'],
        latencyMs: 1,
      }),
      event(at + 11_000, {
        kind: 'answer',
        checkpointId: QUESTION_FORCE,
        correct: true,
        response: ['b'],
        latencyMs: 1,
      }),
    ]);
    await server.server.deliverScores();
    // A batch that changes nothing the gradebook shows (more watching) sends nothing.
    await send(session, watched(at + 12_000, 10_000, 30_000));
    await server.server.deliverScores();
    await send(session, [
      event(at + 40_000, { kind: 'answer', checkpointId: QUESTION_PUSH, correct: true, response: true, latencyMs: 1 }),
      event(at + 60_000, { kind: 'score', raw: 1.5, max: 2, scaled: 0.75 }),
      event(at + 60_001, { kind: 'completion', completion: 'completed', success: 'passed' }),
    ]);
    await server.server.deliverScores();
    const bodies = scoresFor('lms-user-1').map((score) => score.body);
    expect(bodies.map((body) => [body.activityProgress, body.gradingProgress, body.comment])).toEqual([
      ['Started', 'Pending', '0 of 2 first time'],
      ['InProgress', 'Pending', '0 of 2 first time'],
      ['Completed', 'FullyGraded', '1 of 2 first time'],
    ]);
    expect(bodies[2]).toMatchObject({ scoreGiven: 1.5, scoreMaximum: 2 });
    expect(typeof bodies[2]?.timestamp).toBe('string');
    // Launching again is no new state: nothing more is posted.
    await launchLearner(learnerNamed(1));
    await server.server.deliverScores();
    expect(scoresFor('lms-user-1')).toHaveLength(3);
    expect(await outbox()).toEqual([]);
    expect(lms.services.tokenRequests).toBe(1);
  });

  it('a platform that is down gets the score again later, with growing pauses, once', async () => {
    lms.services.failScores = 2;
    await launchLearner(learnerNamed(2));
    await server.server.deliverScores();
    expect(scoresFor('lms-user-2')).toEqual([]);
    const [first] = await outbox();
    expect(first).toMatchObject({ attempts: 1, last_error: expect.stringContaining('503') as unknown });
    expect(Number(first?.next_at)).toBe(clock + RETRY_FIRST_MS);
    await server.server.deliverScores();
    expect((await outbox())[0]?.attempts).toBe(1);
    clock += RETRY_FIRST_MS;
    await server.server.deliverScores();
    const [second] = await outbox();
    expect(second?.attempts).toBe(2);
    expect(Number(second?.next_at)).toBe(clock + 2 * RETRY_FIRST_MS);
    clock += 2 * RETRY_FIRST_MS;
    await server.server.deliverScores();
    expect(scoresFor('lms-user-2').map((score) => score.body.activityProgress)).toEqual(['Started']);
    expect(await outbox()).toEqual([]);
  });

  it('several processes on one database post each queued score once, and a restarted one finds what was left', async () => {
    lms.services.failScores = 1_000;
    for (const n of [3, 4, 5, 6, 7, 8]) await launchLearner(learnerNamed(n));
    await server.server.deliverScores();
    expect((await outbox()).length).toBe(6);
    lms.services.failScores = 0;
    clock += RETRY_FIRST_MS;
    // Fresh deliverers, as after a restart: the queue is in the database, not in a process.
    const first = new ScoreDelivery(
      server.db,
      () => clock,
      () => undefined,
    );
    const second = new ScoreDelivery(
      await server.secondConnection(),
      () => clock,
      () => undefined,
    );
    // The test server's own poller (every 5 s) may take some of them too: the LMS's count is what says "once".
    await Promise.all([first.deliverDue(), second.deliverDue(), first.deliverDue()]);
    const subs = lms.services.scores.map((score) => String(score.body.userId)).filter((sub) => /-[3-8]$/.test(sub));
    expect(subs.sort()).toEqual(['lms-user-3', 'lms-user-4', 'lms-user-5', 'lms-user-6', 'lms-user-7', 'lms-user-8']);
    expect(await outbox()).toEqual([]);
  });

  it('a line item with a query keeps it under /scores', () => {
    expect(scoresUrl('https://lms.example/api/lti/courses/1/line_items/7?type_id=2')).toBe(
      'https://lms.example/api/lti/courses/1/line_items/7/scores?type_id=2',
    );
  });
});
