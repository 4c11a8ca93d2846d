import { afterAll, beforeAll, expect, it } from 'vitest';
import { classServerApi } from '@shared/classServer/api';
import { callApi, describeEngines, stopPostgres, type TestServer } from '../testing/harness.testkit';
import { watched } from '../testing/learnerEvents.testkit';
import { launchThrough, serverWithLms } from '../testing/ltiFlow.testkit';
import { ROLE, type PlatformLink, type PlatformUser, type TestLtiPlatform } from '../testing/ltiPlatform.testkit';
import type { CourseMember } from '../testing/ltiPlatformMemberships.testkit';

afterAll(() => stopPostgres());

const LIS = 'http://purl.imsglobal.org/vocab/lis/v2/membership';
const ada: PlatformUser = { sub: 'lms-teacher-1', name: 'Ada Teacher', roles: [ROLE.instructor] };
const sam: PlatformUser = { sub: 'lms-user-17', name: 'Sam Lee', roles: [ROLE.learner] };
const ana: PlatformUser = { sub: 'lms-user-18', name: 'Ana Ruiz', roles: [ROLE.learner] };

/** Physics 7B as the LMS keeps it: staff, learners who can open link-1, one who cannot, one no longer enrolled. */
const COURSE: CourseMember[] = [
  { user_id: ada.sub, name: ada.name, roles: [ROLE.instructor], email: 'ada@school.example' },
  { user_id: sam.sub, name: sam.name, roles: [ROLE.learner] },
  { user_id: ana.sub, name: ana.name, roles: [ROLE.learner], email: 'ana@school.example' },
  { user_id: 'lms-ta-1', name: 'Tom Assistant', roles: [`${LIS}/Instructor#TeachingAssistant`] },
  { user_id: 'lms-user-19', given_name: 'Bo', family_name: 'Chen', roles: [ROLE.learner] },
  { user_id: 'lms-user-20', name: 'Kim Park', roles: [ROLE.learner], status: 'Inactive' },
  { user_id: 'lms-user-21', name: 'Lou Other Section', roles: [ROLE.learner], links: ['link-9'] },
  { user_id: 'lms-mentor-1', name: 'Pat Parent', roles: [`${LIS}#Mentor`] },
];

/** The learners' table of an instructor's results page, as [name, status] rows. */
function rowsOf(html: string): string[][] {
  return [...html.matchAll(/<tr>\n<th scope="row">([^<]*)<\/th>\n<td class="[^"]*">([^<]*)<\/td>/g)].map((match) => [
    match[1] ?? '',
    match[2] ?? '',
  ]);
}

describeEngines('LTI Names and Role Provisioning Services 2.0', (engine) => {
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
    } = await serverWithLms(engine, {
      lessons: ['Forces'],
      registration: (platform) => ({ tokenUrl: platform.tokenUrl }),
    }));
    if (!lesson) throw new Error('no lesson published');
    lessonId = lesson.id;
    link = { resourceLinkId: 'link-1', targetLinkUri: lesson.url, contextId: 'course-1', contextTitle: 'P7' };
    lms.services.memberships.courses.set('course-1', COURSE);
  }, 60_000);
  afterAll(async () => {
    await lms.close();
    await server.close();
  });

  const memberships = () => lms.services.memberships;
  /** The server's claim on the link's roster is this much older: as if minutes had passed. */
  const minutesPass = (minutes: number) =>
    server.db.query('UPDATE lti_resource_links SET roster_tried_at = roster_tried_at - $1', [minutes * 60_000]);

  async function learnerSession(user: PlatformUser, on: PlatformLink = link): Promise<string> {
    const response = await launchThrough(server.url, lms, lms.loginParams(user, on));
    return (response.headers.get('location') ?? '').split('#session=')[1] ?? '';
  }

  async function resultsPage(on: PlatformLink = link): Promise<string> {
    const response = await launchThrough(server.url, lms, lms.loginParams(ada, on));
    const page = await fetch(new URL(response.headers.get('location') ?? '', server.url));
    expect(page.status).toBe(200);
    return page.text();
  }

  it('an instructor’s results list the link’s rostered learners who have not started, read page by page', async () => {
    await learnerSession(sam);
    const html = await resultsPage();
    expect(rowsOf(html)).toEqual([
      ['Ana Ruiz', 'Not started'],
      ['Bo Chen', 'Not started'],
      ['Sam Lee', 'Not started'],
    ]);
    expect(html).toContain('come from the course’s list of learners');
    // Eight members, two a page: four pages, each asked for this link only, as a membership container.
    const asked = memberships().requests;
    expect(asked.map((url) => [url.searchParams.get('rlid'), url.searchParams.get('page')])).toEqual([
      ['link-1', null],
      ['link-1', '2'],
      ['link-1', '3'],
      ['link-1', '4'],
    ]);
    const stored = await server.db.query<{ sub: string; email: string | null; status: string }>(
      'SELECT sub, email, status FROM lti_roster_members ORDER BY sub',
    );
    expect(stored.find((row) => row.sub === ana.sub)).toEqual({
      sub: ana.sub,
      email: 'ana@school.example',
      status: 'Active',
    });
    expect(stored.find((row) => row.sub === 'lms-user-20')?.status).toBe('Inactive');

    // The studio's Class results read the same list; a learner known only from the roster has no records to act on.
    const results = await callApi(server.url, classServerApi.results, {
      token: teacherToken,
      params: { lessonId },
      query: {},
    });
    expect(results.learners.map((row) => [row.name, row.onlyOnRoster ?? false])).toEqual([
      ['Ana Ruiz', true],
      ['Bo Chen', true],
      ['Sam Lee', false],
    ]);
  });

  it('a refresh within a few minutes does not ask the LMS again; later it does', async () => {
    const before = memberships().requests.length;
    await resultsPage();
    expect(memberships().requests.length).toBe(before);
    await minutesPass(5);
    await resultsPage();
    expect(memberships().requests.length).toBe(before + 4);
  });

  it('a platform that goes down in the middle, or refuses, keeps the roster it gave last, and the page says so', async () => {
    memberships().courses.set('course-1', [
      ...COURSE.filter((member) => member.user_id !== 'lms-user-19'),
      { user_id: 'lms-user-22', name: 'Zed New', roles: [ROLE.learner] },
    ]);
    memberships().failPage = 2;
    await minutesPass(5);
    const html = await resultsPage();
    expect(rowsOf(html).map(([name]) => name)).toEqual(['Ana Ruiz', 'Bo Chen', 'Sam Lee']);
    expect(html).toContain('The course’s list of learners could not be read just now');
    expect(html).toContain('answered 503');

    memberships().failPage = null;
    memberships().failStatus = 403;
    memberships().failRequests = 1;
    await minutesPass(5);
    const refused = await resultsPage();
    expect(rowsOf(refused).map(([name]) => name)).toEqual(['Ana Ruiz', 'Bo Chen', 'Sam Lee']);
    expect(refused).toContain('answered 403');
    memberships().failStatus = 503;

    await minutesPass(5);
    const back = await resultsPage();
    expect(rowsOf(back).map(([name]) => name)).toEqual(['Ana Ruiz', 'Sam Lee', 'Zed New']);
    expect(back).not.toContain('could not be read');
  });

  it('a next page on another site is not followed: the server’s token never leaves for it', async () => {
    memberships().nextPageOrigin = 'http://localhost:9';
    await minutesPass(5);
    const before = memberships().requests.length;
    const html = await resultsPage();
    expect(memberships().requests.length).toBe(before + 1);
    expect(html).toContain('next page is on another site');
    expect(rowsOf(html).map(([name]) => name)).toEqual(['Ana Ruiz', 'Sam Lee', 'Zed New']);
    memberships().nextPageOrigin = null;
  });

  it('a rostered learner who launches moves from not started to started, and is listed once', async () => {
    const session = await learnerSession(ana);
    const at = Date.now();
    await callApi(server.url, classServerApi.events, {
      token: session,
      body: { events: watched(at, 0, 20_000) },
    });
    await minutesPass(5);
    const rows = rowsOf(await resultsPage());
    expect(rows.filter(([name]) => name === 'Ana Ruiz')).toEqual([['Ana Ruiz', 'Watching']]);
  });

  it('a learner can neither make the server read the roster nor see it', async () => {
    await minutesPass(5);
    const before = memberships().requests.length;
    await learnerSession(sam);
    // Sam's own launch, as if he had found its id and opened the instructor's address with it.
    const [own] = await server.db.query<{ id: string }>(
      "SELECT id FROM lti_launches WHERE role = 'learner' ORDER BY expires_at DESC LIMIT 1",
    );
    const launchId = own?.id ?? '';
    const results = await fetch(`${server.url}/lti/results/${launchId}`);
    expect(results.status).toBe(403);
    expect(await results.text()).not.toContain('Zed New');
    expect(memberships().requests.length).toBe(before);
  });

  it('a platform that does not offer the roster is never asked, and the results still open', async () => {
    memberships().offered = false;
    const tokensBefore = lms.services.tokenRequests;
    const before = memberships().requests.length;
    const other: PlatformLink = { ...link, resourceLinkId: 'link-2', contextId: 'course-2' };
    await learnerSession(sam, other);
    const html = await resultsPage(other);
    expect(rowsOf(html)).toEqual([['Sam Lee', 'Not started']]);
    expect(html).not.toContain('list of learners');
    expect(memberships().requests.length).toBe(before);
    expect(lms.services.tokenRequests).toBe(tokensBefore);
    memberships().offered = true;
  });
});
