import { addPlatform, type PlatformInput } from '../lti/platforms';
import type { TestServer } from './harness.testkit';
import { TestLtiPlatform } from './ltiPlatform.testkit';

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
