import { decodeJwt } from 'jose';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { describeEngines, startTestServer, stopPostgres, type TestServer } from '../testing/harness.testkit';
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
import { revokeTokens } from '../auth/teachers';
import { listInstructorLinks, removeInstructorLink } from './instructorLinks';

afterAll(() => stopPostgres());

const adaInLms: PlatformUser = { sub: 'lms-ada', name: 'Ada Teacher', roles: [ROLE.instructor] };
const bobInLms: PlatformUser = { sub: 'lms-bob', name: 'Bob Teacher', roles: [ROLE.instructor] };
const newcomer: PlatformUser = { sub: 'lms-new', name: 'New Teacher', roles: [ROLE.instructor] };
const sam: PlatformUser = { sub: 'lms-sam', name: 'Sam Lee', roles: [ROLE.learner] };

describeEngines('LTI on a school-wide registration: each instructor signs in once as their teacher', (engine) => {
  let server: TestServer;
  let lms: TestLtiPlatform;
  let ada: { token: string; lessons: Lesson[] };
  let bob: { token: string; lessons: Lesson[] };

  beforeAll(async () => {
    server = await startTestServer(engine);
    ada = await teacherWithLessons(server, 'ada@school.example', ['Forces', 'Waves']);
    bob = await teacherWithLessons(server, 'bob@school.example', ['Bob’s secret']);
    lms = await startRegisteredLms(server, (platform) => ({
      name: 'School LMS',
      tokenUrl: platform.tokenUrl,
      school: true,
    }));
  }, 180_000);
  afterAll(async () => {
    await lms.close();
    await server.close();
  });

  const signIn = (pageUrl: string, teacherToken: string, headers: Record<string, string> = {}) =>
    postPageForm(server, pageUrl, { teacher_token: teacherToken }, headers);

  /** Signs `user` in as the teacher of `token` (unless they are already) and answers the picker's address. */
  async function signedInPicker(user: PlatformUser, token: string): Promise<string> {
    const pageUrl = await deepLinkPageUrl(server, lms, user);
    if (!(await (await fetch(pageUrl)).text()).includes('name="teacher_token"')) return pageUrl;
    const answer = await signIn(pageUrl, token);
    expect(answer.status).toBe(303);
    return new URL(answer.headers.get('location') ?? '', server.url).href;
  }

  /** A resource link of `lesson` launched by `user`: the tool's answer. */
  const launchLink = (user: PlatformUser, lesson: Lesson, linkId: string) =>
    launchThrough(
      server.url,
      lms,
      lms.loginParams(user, {
        resourceLinkId: linkId,
        targetLinkUri: lesson.url,
        contextId: 'course-1',
        contextTitle: 'Physics 7B',
      }),
    );

  it('an unlinked instructor is asked to sign in; a wrong token is refused clearly and stores nothing', async () => {
    const pageUrl = await deepLinkPageUrl(server, lms, newcomer);
    const page = await fetch(pageUrl);
    expect(page.status).toBe(200);
    expect(page.headers.get('content-security-policy')).toContain("script-src 'self'");
    expect(page.headers.get('set-cookie')).toBeNull();
    const html = await page.text();
    expect(html).toContain('School LMS is registered for the whole school');
    expect(html).toContain('<label for="teacher-token">Teacher token</label>');
    expect(html).not.toContain('Forces');

    const wrong = await signIn(pageUrl, 'fst_not-a-real-token');
    expect(wrong.status).toBe(401);
    const text = await wrong.text();
    expect(text).toContain('This is not a valid teacher token, or it was revoked');
    expect(text).toContain('role="alert"');
    expect(text).not.toContain('fst_not-a-real-token');
    expect(await listInstructorLinks(server.db, 'ada@school.example')).toEqual([]);
    // Still the sign-in page: nothing to choose before a sign-in.
    expect(await (await fetch(pageUrl)).text()).toContain('Sign in to add your lessons');
  });

  it('the sign-in form is bound to its launch and page: another launch’s token or another site is refused', async () => {
    const pageUrl = await deepLinkPageUrl(server, lms, newcomer);
    const other = await deepLinkPageUrl(server, lms, newcomer);
    const otherForm = formOf(await (await fetch(other)).text());
    expect(
      (await postPageForm(server, pageUrl, { token: otherForm.fields.token ?? '', teacher_token: ada.token })).status,
    ).toBe(403);
    expect((await signIn(pageUrl, ada.token, { origin: 'https://evil.example' })).status).toBe(403);
    expect(await listInstructorLinks(server.db, 'ada@school.example')).toEqual([]);
  });

  it('signed in once, the instructor sees only their teacher’s lessons, and next time goes straight to them', async () => {
    const picker = await signedInPicker(adaInLms, ada.token);
    const html = await (await fetch(picker)).text();
    expect(html).toContain('Forces');
    expect(html).toContain('Waves');
    expect(html).not.toContain('Bob’s secret');
    const [link] = await listInstructorLinks(server.db, 'ada@school.example');
    expect(link).toMatchObject({ issuer: lms.issuer, sub: adaInLms.sub, name: 'Ada Teacher', revoked: false });

    const next = await deepLinkPageUrl(server, lms, adaInLms);
    const again = await (await fetch(next)).text();
    expect(again).toContain('Add Flipside lessons');
    expect(again).not.toContain('teacher_token');

    const answer = await postPageForm(server, next, { lesson: ada.lessons.map((lesson) => lesson.id) });
    expect(answer.status).toBe(200);
    const items = decodeJwt(formOf(await answer.text()).fields.JWT ?? '')[
      'https://purl.imsglobal.org/spec/lti-dl/claim/content_items'
    ] as { title: string; custom: { flipside_lesson_id: string } }[];
    expect(items.map((item) => item.title)).toEqual(['Forces', 'Waves']);
  });

  it('a deep-linking response never carries another teacher’s lesson', async () => {
    const picker = await signedInPicker(bobInLms, bob.token);
    expect(await (await fetch(picker)).text()).toContain('Bob’s secret');
    const refused = await postPageForm(server, picker, {
      lesson: [bob.lessons[0]?.id ?? '', ada.lessons[0]?.id ?? ''],
    });
    expect(refused.status).toBe(403);
    expect(await refused.text()).not.toContain('name="JWT"');
  });

  it('class results: only an instructor signed in as the lesson’s teacher sees them; others and learners never', async () => {
    await signedInPicker(adaInLms, ada.token);
    const forces = ada.lessons[0];
    if (!forces) throw new Error('no lesson');
    const own = await launchLink(adaInLms, forces, 'link-forces');
    expect(own.status).toBe(303);
    const results = await fetch(new URL(own.headers.get('location') ?? '', server.url));
    expect(results.status).toBe(200);
    expect(await results.text()).toContain('Forces');

    const otherTeacher = await launchLink(bobInLms, forces, 'link-forces');
    expect(otherTeacher.status).toBe(403);
    expect(await otherTeacher.text()).toContain('belongs to another teacher');

    const unlinked = await launchLink(newcomer, forces, 'link-forces');
    expect(unlinked.status).toBe(403);
    expect(await unlinked.text()).toContain('Sign in to the class server once');

    // A learner opens the lesson, never the results, and cannot use the instructor's results page address.
    const learner = await launchLink(sam, forces, 'link-forces');
    expect(learner.headers.get('location')).toMatch(/^\/l\//);
    const learnerDeepLink = await launchThrough(server.url, lms, lms.deepLinkingLoginParams(sam));
    expect(learnerDeepLink.status).toBe(403);
  });

  it('revoking the teacher token ends the link: open results stop, and the instructor is asked to sign in again', async () => {
    const carl = await teacherWithLessons(server, 'carl@school.example', ['Optics']);
    const carlInLms: PlatformUser = { sub: 'lms-carl', name: 'Carl Teacher', roles: [ROLE.instructor] };
    await signedInPicker(carlInLms, carl.token);
    const optics = carl.lessons[0];
    if (!optics) throw new Error('no lesson');
    const launched = await launchLink(carlInLms, optics, 'link-optics');
    const resultsUrl = new URL(launched.headers.get('location') ?? '', server.url);
    expect((await fetch(resultsUrl)).status).toBe(200);

    await revokeTokens(server.db, 'carl@school.example');
    expect((await fetch(resultsUrl)).status).toBe(403);
    const pageUrl = await deepLinkPageUrl(server, lms, carlInLms);
    const html = await (await fetch(pageUrl)).text();
    expect(html).toContain('the teacher token it used was revoked');
    expect((await signIn(pageUrl, carl.token)).status).toBe(401);
    const [link] = await listInstructorLinks(server.db, 'carl@school.example');
    expect(link?.revoked).toBe(true);

    const fresh = await server.teacher('carl@school.example');
    expect((await signIn(pageUrl, fresh)).status).toBe(303);
    expect(await (await fetch(pageUrl)).text()).toContain('Optics');
  });

  it('a teacher removes a link, and that LMS user must sign in again', async () => {
    await signedInPicker(adaInLms, ada.token);
    expect(await removeInstructorLink(server.db, 'ada@school.example', lms.issuer, adaInLms.sub)).toBe(1);
    const pageUrl = await deepLinkPageUrl(server, lms, adaInLms);
    expect(await (await fetch(pageUrl)).text()).toContain('Sign in to add your lessons');
  });
});

describeEngines('LTI on a single-teacher registration: instructors are its owner without signing in', (engine) => {
  let server: TestServer;
  let lms: TestLtiPlatform;
  let ada: { token: string; lessons: Lesson[] };
  let bob: { token: string; lessons: Lesson[] };

  beforeAll(async () => {
    server = await startTestServer(engine);
    ada = await teacherWithLessons(server, 'ada@school.example', ['Forces']);
    bob = await teacherWithLessons(server, 'bob@school.example', ['Bob’s secret']);
    lms = await startRegisteredLms(server, () => ({ teacher: 'ada@school.example' }));
  }, 180_000);
  afterAll(async () => {
    await lms.close();
    await server.close();
  });

  it('goes straight to the owner’s lessons; another teacher’s lesson shows its instructors no results', async () => {
    const html = await (await fetch(await deepLinkPageUrl(server, lms, newcomer))).text();
    expect(html).toContain('Forces');
    expect(html).not.toContain('teacher_token');
    const launch = (lesson: Lesson | undefined) =>
      launchThrough(
        server.url,
        lms,
        lms.loginParams(newcomer, {
          resourceLinkId: `link-${lesson?.id ?? ''}`,
          targetLinkUri: lesson?.url ?? '',
          contextId: 'course-1',
          contextTitle: 'Physics 7B',
        }),
      );
    expect((await launch(ada.lessons[0])).status).toBe(303);
    const foreign = await launch(bob.lessons[0]);
    expect(foreign.status).toBe(403);
    expect(await foreign.text()).toContain('belongs to another teacher');
  });
});
