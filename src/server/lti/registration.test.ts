import { afterAll, beforeAll, beforeEach, expect, it } from 'vitest';
import { classServerApi } from '@shared/classServer/api';
import {
  ApiCallError,
  callApi,
  describeEngines,
  slugOf,
  startTestServer,
  stopPostgres,
  type TestServer,
} from '../testing/harness.testkit';
import { formOf, launchThrough, teacherWithLessons } from '../testing/ltiFlow.testkit';
import { ROLE, TestLtiPlatform, type PlatformUser } from '../testing/ltiPlatform.testkit';
import { createInvite } from './invites';
import { listPlatforms } from './platforms';

afterAll(() => stopPostgres());

const sam: PlatformUser = { sub: 'lms-user-17', name: 'Sam Lee', roles: [ROLE.learner] };
const DAY = 24 * 3600_000;

describeEngines('LTI Dynamic Registration', (engine) => {
  let server: TestServer;
  let lms: TestLtiPlatform;
  let lessonUrl: string;
  let teacherToken: string;

  beforeAll(async () => {
    server = await startTestServer(engine);
    const ada = await teacherWithLessons(server, 'ada@school.example', ['Forces']);
    teacherToken = ada.token;
    lessonUrl = ada.lessons[0]?.url ?? '';
  }, 60_000);
  beforeEach(async () => {
    await server.db.query('DELETE FROM lti_platforms');
    lms = new TestLtiPlatform(null);
    await lms.start();
    return () => lms.close();
  });
  afterAll(() => server.close());

  const invite = async (now = Date.now()) => (await createInvite(server.db, server.url, 'ada@school.example', now)).url;

  /** The LMS opens the registration URL (with its configuration and token), as the admin's dialog does. */
  const open = (url: string) => fetch(lms.registration.initiation(url));

  /** The admin presses Register on the confirmation page. */
  async function confirm(page: Response): Promise<Response> {
    const form = formOf(await page.text());
    return fetch(new URL(form.action, server.url), { method: 'POST', body: new URLSearchParams(form.fields) });
  }

  it('a school invite registers the LMS for the whole school: no owner, and the admin is told each teacher signs in', async () => {
    const made = await createInvite(server.db, server.url, null, Date.now());
    expect(made.teacher).toBeNull();
    const page = await open(made.url);
    expect(page.status).toBe(200);
    const html = await page.clone().text();
    expect(html).toContain('for the whole school');
    expect(html).toContain('sign in once with their teacher token');
    expect((await confirm(page)).status).toBe(200);
    const [platform] = await listPlatforms(server.db);
    expect(platform).toMatchObject({ issuer: lms.issuer, teacherId: null, schoolWide: true });
    expect(lms.registration.registrations[0]?.client_name).toBe('Flipside class server (school)');
  });

  it('registers the LMS for the invite’s teacher, after which a learner’s launch through it works', async () => {
    const page = await open(await invite());
    expect(page.status).toBe(200);
    expect(page.headers.get('content-security-policy')).toMatch(/script-src 'self';/);
    const html = await page.clone().text();
    expect(html).toContain(`<h1>Register Flipside class server with Moodle at ${new URL(lms.issuer).host}</h1>`);
    expect(html).toContain('for ada@school.example');

    const done = await confirm(page);
    expect(done.status).toBe(200);
    expect(await done.text()).toMatch(/Flipside class server is registered[\s\S]*src="\/lti\/register\.js"/);
    const [platform, ...others] = await listPlatforms(server.db);
    expect(others).toEqual([]);
    const [teacher] = await server.db.query<{ id: string }>('SELECT id FROM teachers');
    expect(platform).toMatchObject({
      issuer: lms.issuer,
      clientId: lms.tool.clientId,
      deployments: [lms.tool.deploymentId],
      authLoginUrl: lms.authUrl,
      jwksUrl: lms.jwksUrl,
      tokenUrl: lms.tokenUrl,
      teacherId: teacher?.id,
      name: `Moodle at ${new URL(lms.issuer).host}`,
    });

    const [sent] = lms.registration.registrations;
    expect(sent).toMatchObject({
      initiate_login_uri: `${server.url}/lti/login`,
      redirect_uris: [`${server.url}/lti/launch`],
      jwks_uri: `${server.url}/lti/jwks`,
      token_endpoint_auth_method: 'private_key_jwt',
      id_token_signed_response_alg: 'RS256',
      client_name: 'Flipside class server (ada@school.example)',
    });
    expect(sent?.scope.split(' ').sort()).toEqual([
      'https://purl.imsglobal.org/spec/lti-ags/scope/lineitem',
      'https://purl.imsglobal.org/spec/lti-ags/scope/result.readonly',
      'https://purl.imsglobal.org/spec/lti-ags/scope/score',
      'https://purl.imsglobal.org/spec/lti-nrps/scope/contextmembership.readonly',
    ]);
    expect(sent?.['https://purl.imsglobal.org/spec/lti-tool-configuration'].messages).toEqual([
      { type: 'LtiResourceLinkRequest', target_link_uri: `${server.url}/` },
      {
        type: 'LtiDeepLinkingRequest',
        target_link_uri: `${server.url}/lti/deep-link`,
        label: 'Flipside lessons',
        placements: ['ContentArea'],
      },
    ]);

    const link = { resourceLinkId: 'link-1', targetLinkUri: lessonUrl, contextId: 'c-1', contextTitle: 'Physics 7B' };
    const launched = await launchThrough(server.url, lms, lms.loginParams(sam, link));
    expect(launched.status).toBe(303);
    expect(launched.headers.get('location')).toMatch(new RegExp(`^/l/${slugOf(lessonUrl)}/v/1/index\\.html#session=`));
  });

  it('refuses a configuration whose issuer is not where it came from, and stores nothing', async () => {
    const url = await invite();
    lms.registration.issuerOverride = 'https://lms.elsewhere.example';
    const page = await open(url);
    expect(page.status).toBe(502);
    expect(await page.text()).toMatch(/names the issuer https:\/\/lms\.elsewhere\.example.*Nothing was registered/s);
    // Nor does a form made by hand get past it: the POST reads the configuration again.
    lms.registration.issuerOverride = null;
    const confirmation = await open(url);
    lms.registration.issuerOverride = 'https://lms.elsewhere.example';
    expect((await confirm(confirmation)).status).toBe(502);
    expect(lms.registration.registrations).toEqual([]);
    expect(await listPlatforms(server.db)).toEqual([]);
  });

  it('refuses an unknown, expired or used invite, saying which', async () => {
    const unknown = await open(`${server.url}/lti/register?invite=fsi_made-up`);
    expect(unknown.status).toBe(410);
    expect(await unknown.text()).toContain('not one this class server made');

    const expired = await open(await invite(Date.now() - 8 * DAY));
    expect(expired.status).toBe(410);
    expect(await expired.text()).toMatch(/expired on \d{4}-\d\d-\d\d/);

    const url = await invite();
    const page = await open(url);
    const spare = await open(url);
    expect((await confirm(page)).status).toBe(200);
    const again = await open(url);
    expect(again.status).toBe(410);
    expect(await again.text()).toContain('used already');
    // A second confirmation page opened before the first was used cannot register a second LMS with the invite.
    expect((await confirm(spare)).status).toBe(410);
    expect(await listPlatforms(server.db)).toHaveLength(1);
  });

  it('stores nothing when the LMS refuses, and the invite can be used again', async () => {
    const url = await invite();
    lms.registration.refuseRegistrations = 1;
    const refused = await confirm(await open(url));
    expect(refused.status).toBe(502);
    expect(await refused.text()).toContain(
      'The LMS refused the registration (400: This site does not accept new tools right now)',
    );
    expect(await listPlatforms(server.db)).toEqual([]);

    expect((await confirm(await open(url))).status).toBe(200);
    expect(await listPlatforms(server.db)).toHaveLength(1);
  });

  it('says when the LMS cannot be reached, or its registration token is not valid', async () => {
    const url = await invite();
    const closed = `${lms.origin}/registration/openid-configuration`;
    await lms.close();
    const unreachable = await fetch(
      `${url}&openid_configuration=${encodeURIComponent(closed)}&registration_token=whatever`,
    );
    expect(unreachable.status).toBe(502);
    expect(await unreachable.text()).toContain(`could not reach the LMS at ${new URL(closed).host}`);

    lms = new TestLtiPlatform(null);
    await lms.start();
    const page = formOf(await (await open(url)).text());
    const forged = await fetch(new URL(page.action, server.url), {
      method: 'POST',
      body: new URLSearchParams({ ...page.fields, registration_token: 'not-the-lms-token' }),
    });
    expect(forged.status).toBe(502);
    expect(await forged.text()).toContain('refused the registration (401');
    expect(await listPlatforms(server.db)).toEqual([]);
  });

  it('explains itself when opened in a browser, and refuses a form posted from another site', async () => {
    const url = await invite();
    const direct = await fetch(url);
    expect(direct.status).toBe(400);
    expect(await direct.text()).toContain('Paste it into the LMS');

    const page = formOf(await (await open(url)).text());
    const crossSite = await fetch(new URL(page.action, server.url), {
      method: 'POST',
      headers: { origin: 'https://evil.example' },
      body: new URLSearchParams(page.fields),
    });
    expect(crossSite.status).toBe(403);
    expect(await listPlatforms(server.db)).toEqual([]);
  });

  it('gives a signed-in teacher their own registration link (the studio shows it), and no one else one', async () => {
    const made = await callApi(server.url, classServerApi.ltiInvite, { token: teacherToken });
    expect(made.url).toMatch(new RegExp(`^${server.url}/lti/register\\?invite=fsi_[\\w-]{43}$`));
    expect(made.expiresAt).toBeGreaterThan(Date.now() + 6 * DAY);
    const done = await confirm(await open(made.url));
    expect(done.status).toBe(200);
    const [platform] = await listPlatforms(server.db);
    const [teacher] = await server.db.query<{ id: string }>(
      "SELECT id FROM teachers WHERE email = 'ada@school.example'",
    );
    expect(platform?.teacherId).toBe(teacher?.id);
    await expect(callApi(server.url, classServerApi.ltiInvite, { token: 'fst_made-up' })).rejects.toBeInstanceOf(
      ApiCallError,
    );
  });
});
