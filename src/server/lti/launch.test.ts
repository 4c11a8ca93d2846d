import { createLocalJWKSet, jwtVerify, SignJWT } from 'jose';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { classServerApi } from '@shared/classServer/api';
import {
  ApiCallError,
  callApi,
  describeEngines,
  slugOf,
  stopPostgres,
  submitJoin,
  type TestServer,
} from '../testing/harness.testkit';
import { ROLE, type PlatformLink, type PlatformUser, type TestLtiPlatform } from '../testing/ltiPlatform.testkit';
import { serverWithLms } from '../testing/ltiFlow.testkit';
import { rotateToolKeys, signingKey } from './toolKeys';

afterAll(() => stopPostgres());

const sam: PlatformUser = { sub: 'lms-user-17', name: 'Sam Lee', roles: [ROLE.learner] };
const ada: PlatformUser = { sub: 'lms-user-1', name: 'Ada Teacher', roles: [ROLE.instructor] };

function configOf(html: string): Record<string, string> {
  const json = /<script type="application\/json" id="lti-config">(.*?)<\/script>/s.exec(html)?.[1];
  if (!json) throw new Error(`no storage step in: ${html.slice(0, 300)}`);
  return JSON.parse(json) as Record<string, string>;
}

describeEngines('LTI 1.3 launches', (engine) => {
  let server: TestServer;
  let lms: TestLtiPlatform;
  let link: PlatformLink;
  let teacherToken: string;
  let lessonId: string;

  beforeAll(async () => {
    let lesson: { id: string; url: string } | undefined;
    ({
      server,
      lms,
      token: teacherToken,
      lessons: [lesson],
    } = await serverWithLms(engine, { lessons: ['Forces'], registration: () => ({ name: 'Test LMS' }) }));
    if (!lesson) throw new Error('no lesson published');
    lessonId = lesson.id;
    link = { resourceLinkId: 'link-1', targetLinkUri: lesson.url, contextId: 'course-7b', contextTitle: 'Physics 7B' };
  }, 60_000);
  afterAll(async () => {
    await lms.close();
    await server.close();
  });

  /** The browser's part: login initiation, the platform's authentication, and the form post back to the tool. */
  async function launch(user: PlatformUser, options: { storage?: boolean; params?: Record<string, string> } = {}) {
    const params = lms.loginParams(user, link, options);
    for (const [name, value] of Object.entries(options.params ?? {})) params.set(name, value);
    const login = await fetch(`${server.url}/lti/login?${params.toString()}`, { redirect: 'manual' });
    const stored = options.storage ? configOf(await login.text()) : null;
    const authUrl = stored ? stored.withStorage : login.headers.get('location');
    if (!authUrl) throw new Error(`login answered ${login.status}: ${await login.text()}`);
    const answer = await lms.authorize(new URL(authUrl));
    const post = () =>
      fetch(answer.redirectUri, { method: 'POST', body: new URLSearchParams(answer.fields), redirect: 'manual' });
    return { response: await post(), again: post, fields: answer.fields, stored };
  }

  it('a learner’s launch opens the lesson in the player as them, in the course’s class', async () => {
    const { response } = await launch(sam);
    expect(response.status).toBe(303);
    const location = response.headers.get('location') ?? '';
    expect(location).toMatch(new RegExp(`^/l/${slugOf(link.targetLinkUri)}/v/1/index\\.html#session=`));
    const session = await callApi(server.url, classServerApi.session, { token: location.split('#session=')[1] ?? '' });
    expect(session).toMatchObject({ learnerName: 'Sam Lee', className: 'Physics 7B (Test LMS)', version: 1 });
    const again = (await launch(sam)).response.headers.get('location') ?? '';
    const second = await callApi(server.url, classServerApi.session, { token: again.split('#session=')[1] ?? '' });
    expect(second.learnerId).toBe(session.learnerId);
    const classes = await callApi(server.url, classServerApi.classes, { token: teacherToken });
    expect(classes.classes.filter((summary) => summary.name === 'Physics 7B (Test LMS)')).toHaveLength(1);
  });

  it('the join form never takes over an LMS learner: the same name with the class code is someone else', async () => {
    const fromLms = (await launch(sam)).response.headers.get('location') ?? '';
    const lmsSam = await callApi(server.url, classServerApi.session, { token: fromLms.split('#session=')[1] ?? '' });
    const classes = await callApi(server.url, classServerApi.classes, { token: teacherToken });
    const course = classes.classes.find((summary) => summary.name === 'Physics 7B (Test LMS)');
    const joined = await submitJoin(server.url, slugOf(link.targetLinkUri), {
      code: course?.joinCode ?? '',
      name: 'Sam Lee',
    });
    expect(joined.status).toBe(303);
    const formSam = await callApi(server.url, classServerApi.session, { token: joined.session ?? '' });
    expect(formSam.learnerId).not.toBe(lmsSam.learnerId);
  });

  it('an instructor’s launch opens the link’s Class results, listing the course’s learners', async () => {
    const { response } = await launch(ada);
    expect(response.status).toBe(303);
    const location = response.headers.get('location') ?? '';
    expect(location).toMatch(/^\/lti\/results\/[\w-]{43}$/);
    const page = await fetch(new URL(location, server.url));
    expect(page.status).toBe(200);
    expect(page.headers.get('content-security-policy')).not.toMatch(/frame-ancestors/);
    const html = await page.text();
    expect(html).toContain('Class results: Forces');
    expect(html).toContain('Physics 7B (Test LMS)');
    expect(html).toContain('<th scope="row">Sam Lee</th>');
    expect(html).not.toContain('Ada Teacher');
  });

  it('a launch posted twice is refused the second time (single-use nonce)', async () => {
    const { response, again } = await launch(sam);
    expect(response.status).toBe(303);
    const replay = await again();
    expect(replay.status).toBe(400);
    expect(await replay.text()).toContain('This launch was used already');
  });

  it('a state the server did not sign, or an id_token for another nonce, opens nothing', async () => {
    const { fields } = await launch(sam);
    const forged = await fetch(`${server.url}/lti/launch`, {
      method: 'POST',
      body: new URLSearchParams({ ...fields, state: `${fields.state ?? ''}x` }),
      redirect: 'manual',
    });
    expect(forged.status).toBe(400);
    expect(await forged.text()).toContain('did not start here');
  });

  it('a login from an unknown platform, deployment or for a link elsewhere is refused before the platform is asked', async () => {
    const unknownDeployment = lms.loginParams(sam, link);
    unknownDeployment.set('lti_deployment_id', 'deployment-9');
    const refused = await fetch(`${server.url}/lti/login?${unknownDeployment.toString()}`, { redirect: 'manual' });
    expect(refused.status).toBe(403);
    expect(await refused.text()).toContain('deployment “deployment-9” is not registered');
    const unknownIssuer = lms.loginParams(sam, link);
    unknownIssuer.set('iss', 'https://lms.elsewhere.example');
    expect((await fetch(`${server.url}/lti/login?${unknownIssuer.toString()}`, { redirect: 'manual' })).status).toBe(
      404,
    );
    const elsewhere = lms.loginParams(sam, { ...link, targetLinkUri: 'https://evil.example/l/abc' });
    expect((await fetch(`${server.url}/lti/login?${elsewhere.toString()}`, { redirect: 'manual' })).status).toBe(404);
  });

  it('with platform storage, the launch opens only once the nonce read back from the platform matches', async () => {
    const { response, stored } = await launch(sam, { storage: true });
    expect(stored).toMatchObject({ step: 'login', frame: '_parent', origin: lms.origin });
    expect(response.status).toBe(200);
    const config = configOf(await response.text());
    expect(config).toMatchObject({ step: 'launch', frame: '_parent', origin: lms.origin, key: stored?.key });
    const confirm = (value: string) =>
      fetch(`${server.url}${config.confirm ?? ''}`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ launch: config.launch, value }),
      });
    expect((await confirm('not-the-nonce-kept-in-the-platform-0000000000')).status).toBe(403);
    // What the platform kept at login is what the launch page reads back.
    const confirmed = await confirm(stored?.value ?? '');
    expect(confirmed.status).toBe(200);
    const { location } = (await confirmed.json()) as { location: string };
    const session = await callApi(server.url, classServerApi.session, { token: location.split('#session=')[1] ?? '' });
    expect(session.learnerName).toBe('Sam Lee');
    expect((await confirm(stored?.value ?? '')).status).toBe(403);
  });

  it('a learner cannot reach instructor views: not the results page of their launch, nor the teacher API', async () => {
    const { response } = await launch(sam, { storage: true });
    const config = configOf(await response.text());
    const results = await fetch(`${server.url}/lti/results/${config.launch ?? ''}`);
    expect(results.status).toBe(403);
    expect(await results.text()).toContain('Only the course’s instructors see the class results');
    const learner = (await launch(sam)).response.headers.get('location') ?? '';
    const session = learner.split('#session=')[1] ?? '';
    const teacherApi = await callApi(server.url, classServerApi.results, {
      token: session,
      params: { lessonId },
    }).catch((error: unknown) => error);
    expect(teacherApi).toBeInstanceOf(ApiCallError);
    expect((teacherApi as ApiCallError).status).toBe(401);
  });

  it('publishes the tool’s keys; a rotation adds the new key and keeps the old one published', async () => {
    const before = (await (await fetch(`${server.url}/lti/jwks`)).json()) as { keys: { kid: string }[] };
    expect(before.keys).toHaveLength(1);
    const rotated = await rotateToolKeys(server.db, Date.now());
    const after = (await (await fetch(`${server.url}/lti/jwks`)).json()) as { keys: { kid: string }[] };
    expect(after.keys.map((key) => key.kid)).toEqual([rotated.kid, before.keys[0]?.kid]);
    const { kid, key } = await signingKey(server.db);
    expect(kid).toBe(rotated.kid);
    const signed = await new SignJWT({ hello: 'platform' })
      .setProtectedHeader({ alg: 'RS256', kid })
      .setIssuedAt()
      .setExpirationTime('1m')
      .sign(key);
    const { payload } = await jwtVerify(signed, createLocalJWKSet(after as Parameters<typeof createLocalJWKSet>[0]));
    expect(payload.hello).toBe('platform');
  });
});
