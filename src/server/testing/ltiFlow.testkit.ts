import { addPlatform, type PlatformInput } from '../lti/platforms';
import { publishBytes, startTestServer, type Engine, type TestServer } from './harness.testkit';
import { TestLtiPlatform, type PlatformUser } from './ltiPlatform.testkit';
import { testPackageZip } from './testPackage.testkit';

/**
 * The test LMS, started and registered on `server` as its admin would (client `flipside`, one deployment), with
 * whatever else a test's registration needs (a name, the token endpoint, the teacher it belongs to).
 */
export async function startRegisteredLms(
  server: TestServer,
  more: (lms: TestLtiPlatform) => Partial<PlatformInput> = () => ({}),
): Promise<TestLtiPlatform> {
  const lms = new TestLtiPlatform({
    clientId: 'flipside',
    deploymentId: 'deployment-1',
    loginUrl: `${server.url}/lti/login`,
    redirectUri: `${server.url}/lti/launch`,
  });
  await lms.start();
  await addPlatform(server.db, {
    issuer: lms.issuer,
    clientId: 'flipside',
    authLoginUrl: lms.authUrl,
    jwksUrl: lms.jwksUrl,
    deployments: ['deployment-1'],
    ...more(lms),
  });
  return lms;
}

/**
 * The browser's part of a launch, without a browser: the login initiation to the tool, the platform's
 * authentication, and the form post back to the tool's redirect URI. Answers the tool's response to that post.
 */
export async function launchThrough(toolUrl: string, lms: TestLtiPlatform, params: URLSearchParams): Promise<Response> {
  const login = await fetch(`${toolUrl}/lti/login?${params.toString()}`, { redirect: 'manual' });
  const authUrl = login.headers.get('location');
  if (!authUrl) throw new Error(`login answered ${login.status}: ${await login.text()}`);
  const answer = await lms.authorize(new URL(authUrl));
  return fetch(answer.redirectUri, { method: 'POST', body: new URLSearchParams(answer.fields), redirect: 'manual' });
}

/** The hidden fields and action of the page's first form. */
export function formOf(html: string): { action: string; fields: Record<string, string> } {
  const action = /<form[^>]*action="([^"]*)"/.exec(html)?.[1];
  if (action === undefined) throw new Error(`no form in: ${html.slice(0, 300)}`);
  const fields: Record<string, string> = {};
  for (const match of html.matchAll(/<input type="hidden" name="([^"]+)" value="([^"]*)">/g))
    fields[match[1] ?? ''] = (match[2] ?? '').replace(/&amp;/g, '&').replace(/&quot;/g, '"');
  return { action: action.replace(/&amp;/g, '&'), fields };
}

/** A lesson published on the test server: its id, its learners' link and its title. */
export type Lesson = { id: string; url: string; title: string };

/**
 * A teacher on `server` with one published lesson per title (or per package's options): their token and the lessons
 * (id, link, title), in order.
 */
export async function teacherWithLessons(
  server: TestServer,
  email: string,
  packages: readonly LessonOptions[],
): Promise<{ token: string; lessons: Lesson[] }> {
  const token = await server.teacher(email);
  const lessons = [];
  for (const [index, options] of packages.entries()) {
    const { title, extraQuestions } = typeof options === 'string' ? { title: options, extraQuestions: 0 } : options;
    const zip = await testPackageZip({ title, extraQuestions });
    const { lesson } = await publishBytes(server.url, token, zip, `${email}-lesson-${String(index + 1)}`);
    lessons.push({ id: lesson.id, url: lesson.url, title });
  }
  return { token, lessons };
}

/** An instructor's "add content" launch, followed to the page the tool opens for them (choice or sign-in). */
export async function deepLinkPageUrl(server: TestServer, lms: TestLtiPlatform, user: PlatformUser): Promise<string> {
  const response = await launchThrough(server.url, lms, lms.deepLinkingLoginParams(user));
  const location = response.headers.get('location');
  if (response.status !== 303 || !location) throw new Error(`launch answered ${response.status}`);
  return new URL(location, server.url).href;
}

/** Posts the page's first form with its hidden fields and `more` (repeated names as arrays), as the browser would. */
export async function postPageForm(
  server: TestServer,
  pageUrl: string,
  more: Record<string, string | readonly string[]>,
  headers: Record<string, string> = {},
): Promise<Response> {
  const form = formOf(await (await fetch(pageUrl)).text());
  const body = new URLSearchParams(form.fields);
  for (const [name, value] of Object.entries(more)) {
    body.delete(name);
    for (const one of typeof value === 'string' ? [value] : value) body.append(name, one);
  }
  return fetch(new URL(form.action, server.url), { method: 'POST', body, headers, redirect: 'manual' });
}

type LessonOptions = string | { readonly title: string; readonly extraQuestions?: number };

/**
 * A class server on `engine` where Ada (ada@school.example) has published one lesson per title, and the test LMS
 * registered on it (`registration` adds to that registration, as in startRegisteredLms).
 */
export async function serverWithLms(
  engine: Engine,
  options: {
    readonly lessons: readonly LessonOptions[];
    readonly now?: () => number;
    readonly registration?: (lms: TestLtiPlatform) => Partial<PlatformInput>;
  },
): Promise<{
  server: TestServer;
  lms: TestLtiPlatform;
  token: string;
  lessons: Lesson[];
}> {
  const server = await startTestServer(engine, options.now ? { now: options.now } : {});
  const { token, lessons } = await teacherWithLessons(server, 'ada@school.example', options.lessons);
  const lms = await startRegisteredLms(server, options.registration);
  return { server, lms, token, lessons };
}
