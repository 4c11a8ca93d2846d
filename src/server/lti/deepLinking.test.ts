import { decodeJwt, decodeProtectedHeader } from 'jose';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { classServerApi } from '@shared/classServer/api';
import { callApi, describeEngines, startTestServer, stopPostgres, type TestServer } from '../testing/harness.testkit';
import {
  deepLinkPageUrl,
  formOf,
  launchThrough,
  postPageForm,
  startRegisteredLms,
  teacherWithLessons,
  type Lesson,
} from '../testing/ltiFlow.testkit';
import { ROLE, type PlatformUser, type TestLtiPlatform } from '../testing/ltiPlatform.testkit';

afterAll(() => stopPostgres());

const ada: PlatformUser = { sub: 'lms-teacher-1', name: 'Ada Teacher', roles: [ROLE.instructor] };
const sam: PlatformUser = { sub: 'lms-user-17', name: 'Sam Lee', roles: [ROLE.learner] };

describeEngines('LTI Deep Linking 2.0', (engine) => {
  let server: TestServer;
  let lms: TestLtiPlatform;
  let forces: { id: string; url: string };
  let waves: { id: string; url: string };
  let bobsLesson: { id: string; url: string };

  beforeAll(async () => {
    server = await startTestServer(engine);
    [forces, waves] = (
      await teacherWithLessons(server, 'ada@school.example', ['Forces', { title: 'Waves', extraQuestions: 3 }])
    ).lessons as [Lesson, Lesson];
    [bobsLesson] = (await teacherWithLessons(server, 'bob@school.example', ['Bob’s secret'])).lessons as [Lesson];
    lms = await startRegisteredLms(server, (platform) => ({
      name: 'Test LMS',
      tokenUrl: platform.tokenUrl,
      teacher: 'ada@school.example',
    }));
  }, 60_000);
  afterAll(async () => {
    await lms.close();
    await server.close();
  });

  /** An instructor's "add content" launch: the address of the tool's choice page. */
  const choicePageUrl = (user = ada) => deepLinkPageUrl(server, lms, user);

  const choose = (pageUrl: string, lessons: readonly string[], token?: string, origin?: string) =>
    postPageForm(server, pageUrl, { lesson: lessons, ...(token ? { token } : {}) }, origin ? { origin } : {});

  it('an instructor chooses two of their lessons; the LMS gets a signed response it can check, with line items', async () => {
    const pageUrl = await choicePageUrl();
    expect(pageUrl).toMatch(/\/lti\/deep-link\/[\w-]{43}$/);
    const page = await fetch(pageUrl);
    expect(page.status).toBe(200);
    const html = await page.text();
    expect(html).toContain('<input type="checkbox" name="lesson" value="' + forces.id);
    expect(html).toContain('Waves');
    expect(html).not.toContain('Bob’s secret');
    expect(html).toMatch(/<label class="lesson">/);

    const answer = await choose(pageUrl, [forces.id, waves.id]);
    expect(answer.status).toBe(200);
    expect(answer.headers.get('content-security-policy')).toContain(`form-action 'self' ${lms.origin}`);
    const returned = formOf(await answer.text());
    expect(returned.action).toBe(lms.services.returnUrl);
    const jwt = returned.fields.JWT ?? '';
    const claims = decodeJwt(jwt);
    expect(claims).toMatchObject({
      iss: 'flipside',
      aud: lms.issuer,
      'https://purl.imsglobal.org/spec/lti/claim/message_type': 'LtiDeepLinkingResponse',
      'https://purl.imsglobal.org/spec/lti/claim/version': '1.3.0',
      'https://purl.imsglobal.org/spec/lti/claim/deployment_id': 'deployment-1',
    });
    expect(claims['https://purl.imsglobal.org/spec/lti-dl/claim/data']).toMatch(/^dl-/);
    const jwks = (await (await fetch(`${server.url}/lti/jwks`)).json()) as { keys: { kid: string }[] };
    expect(jwks.keys.map((key) => key.kid)).toContain(decodeProtectedHeader(jwt).kid);

    // The platform verifies the answer against the tool's key set, then makes the links and gradebook columns.
    const back = await fetch(returned.action, { method: 'POST', body: new URLSearchParams({ JWT: jwt }) });
    expect(lms.services.refusedResponses).toEqual([]);
    expect(back.status).toBe(200);
    const links = [...lms.services.links.values()];
    expect(links.map((link) => ({ title: link.title, url: link.url, custom: link.custom }))).toEqual([
      { title: 'Forces', url: forces.url, custom: { flipside_lesson_id: forces.id } },
      { title: 'Waves', url: waves.url, custom: { flipside_lesson_id: waves.id } },
    ]);
    expect(
      [...lms.services.lineItems.values()].map((item) => [item.label, item.scoreMaximum, item.resourceId]),
    ).toEqual([
      ['Forces', 2, forces.id],
      ['Waves', 5, waves.id],
    ]);

    // A learner's later launch of the added link opens that lesson.
    const added = links[1];
    if (!added) throw new Error('no link');
    const learner = await launchThrough(
      server.url,
      lms,
      lms.loginParams(sam, {
        resourceLinkId: added.resourceLinkId,
        targetLinkUri: added.url,
        contextId: 'course-1',
        contextTitle: 'Physics 7B',
        lineitem: added.lineitem,
        custom: added.custom,
      }),
    );
    const location = learner.headers.get('location') ?? '';
    const session = await callApi(server.url, classServerApi.session, { token: location.split('#session=')[1] ?? '' });
    expect(session.lessonTitle).toBe('Waves');
  });

  it('a choice naming another teacher’s lesson is refused whole, and nothing is signed', async () => {
    const pageUrl = await choicePageUrl();
    const refused = await choose(pageUrl, [forces.id, bobsLesson.id]);
    expect(refused.status).toBe(403);
    const text = await refused.text();
    expect(text).toContain('Only lessons of the teacher this course is registered with can be added');
    expect(text).not.toContain('name="JWT"');
    // The page is still open for an honest choice, posted as a browser posts from a no-referrer page (Origin: null).
    expect((await choose(pageUrl, [forces.id], undefined, 'null')).status).toBe(200);
  });

  it('the choice needs the page’s own token and origin, is used once, and a learner cannot open it', async () => {
    const pageUrl = await choicePageUrl();
    const form = formOf(await (await fetch(pageUrl)).text());
    expect((await choose(pageUrl, [forces.id], 'x'.repeat(43))).status).toBe(403);
    expect((await choose(pageUrl, [forces.id], undefined, 'https://evil.example')).status).toBe(403);
    const nothing = await choose(pageUrl, []);
    expect(nothing.status).toBe(400);
    expect(await nothing.text()).toContain('Choose at least one lesson');
    expect((await choose(pageUrl, [forces.id], undefined, new URL(server.url).origin)).status).toBe(200);
    const again = await fetch(pageUrl, {
      method: 'POST',
      body: new URLSearchParams({ token: form.fields.token ?? '', lesson: forces.id }),
    });
    expect(again.status).toBe(401);
    const reopened = await fetch(pageUrl);
    expect(reopened.status).toBe(401);
    expect(await reopened.text()).toContain('expired or was used already');

    const learner = await launchThrough(server.url, lms, lms.deepLinkingLoginParams(sam));
    expect(learner.status).toBe(403);
    expect(await learner.text()).toContain('Only the course’s instructors add lessons');
  });

  it('an expired choice page opens nothing', async () => {
    const pageUrl = await choicePageUrl();
    await server.db.query("UPDATE lti_launches SET expires_at = 0 WHERE role = 'deepLinking'");
    expect((await fetch(pageUrl)).status).toBe(401);
  });

  it('a platform registered without a teacher has no lessons to offer, and says who can fix it', async () => {
    await server.db.query('UPDATE lti_platforms SET teacher_id = NULL');
    const response = await launchThrough(server.url, lms, lms.deepLinkingLoginParams(ada));
    expect(response.status).toBe(400);
    expect(await response.text()).toContain('--teacher');
  });
});
