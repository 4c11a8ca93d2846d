import type { ServerResponse } from 'node:http';
import { HttpError } from '../http/errors';
import { BASE_HEADERS, readBody } from '../http/respond';
import type { RouteContext, Router } from '../http/router';
import { LaunchError } from './idToken';
import { ltiMessagePage } from './ltiPages';

const FORM_LIMIT = 64 * 1024;

/**
 * LTI pages are made to be framed by the LMS (a course page shows the tool in an iframe), so unlike the join page
 * they allow any ancestor; their scripts come only from this server.
 */
const ltiCsp = (formTarget: string) =>
  `default-src 'none'; script-src 'self'; style-src 'self'; connect-src 'self'; form-action 'self'${formTarget}; ` +
  "base-uri 'none'";

/** `formOrigin`: the one other place a form on the page may post to (the LMS's deep linking return URL). */
export function sendPage(res: ServerResponse, status: number, html: string, formOrigin = ''): void {
  res.writeHead(status, {
    ...BASE_HEADERS,
    'Content-Type': 'text/html; charset=utf-8',
    'Content-Security-Policy': ltiCsp(formOrigin ? ` ${formOrigin}` : ''),
    'Cache-Control': 'no-store',
  });
  res.end(html);
}

export function redirect(res: ServerResponse, location: string): void {
  res.writeHead(303, { ...BASE_HEADERS, Location: location, 'Cache-Control': 'no-store' });
  res.end();
}

export async function formOf(context: RouteContext): Promise<URLSearchParams> {
  if (context.req.method !== 'POST') return context.url.searchParams;
  const type = context.req.headers['content-type'] ?? '';
  if (!/^application\/x-www-form-urlencoded\b/i.test(type))
    throw new HttpError('invalid_input', 'The course sent this request in a form the tool does not read.');
  return new URLSearchParams((await readBody(context.req, FORM_LIMIT)).toString('utf8'));
}

/** A script or style sheet the LTI pages load (their CSP takes scripts and styles only from this server). */
export function addAsset(router: Router, path: string, type: string, body: string): void {
  router.add('GET', path, ({ res }) => {
    res.writeHead(200, { ...BASE_HEADERS, 'Content-Type': type, 'Cache-Control': 'max-age=3600' });
    res.end(body);
    return Promise.resolve();
  });
}

/**
 * A handler whose refusals are pages (the person is in an LMS frame, not reading JSON) titled `title`; the reason of a
 * refused launch goes to the log.
 */
export const guardedPage =
  (log: (line: string) => void) =>
  (title: string, handler: (context: RouteContext) => Promise<void>) =>
  async (context: RouteContext): Promise<void> => {
    try {
      await handler(context);
    } catch (error) {
      if (error instanceof LaunchError) {
        log(`flipside serve: LTI launch refused: ${error.reason}`);
        sendPage(context.res, 400, ltiMessagePage(title, error.message));
        return;
      }
      if (!(error instanceof HttpError) || error.status >= 500) throw error;
      sendPage(context.res, error.status, ltiMessagePage(title, error.message));
    }
  };
