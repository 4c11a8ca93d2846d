import path from 'node:path';
import type { ServerResponse } from 'node:http';
import type { ServerDatabase } from '../db/database';
import { cookieHeader, readCookies } from '../http/cookies';
import { HttpError } from '../http/errors';
import { sendFile } from '../http/files';
import { RateLimit } from '../http/rateLimit';
import { BASE_HEADERS, readBody } from '../http/respond';
import type { RouteContext, Router } from '../http/router';
import { findVersion, type PlayableVersion } from '../lessons/lessonStore';
import { packagesDir } from '../lessons/publishing';
import { continueAs, join, knownLearners, type Joined } from './learners';
import { joinPage, LEARNER_CSS, LEARNER_CSS_PATH, messagePage } from './pages';

/** A learner's browser remembers who it joined as, per class: `fs_c_<class id without dashes>`. */
const COOKIE_PREFIX = 'fs_c_';
const FORM_LIMIT = 16 * 1024;

/** The same policy the package's own page declares, sent as a header too. */
const PLAYER_CSP =
  "default-src 'self'; script-src 'self'; style-src 'self'; media-src 'self' blob:; img-src 'self' data: blob:; " +
  "connect-src 'self'; object-src 'none'; base-uri 'none'";
const PAGE_CSP = "default-src 'none'; style-src 'self'; form-action 'self'; base-uri 'none'; frame-ancestors 'self'";

export interface LearnerRoutesDeps {
  readonly db: ServerDatabase;
  readonly dataDir: string;
  readonly sessionKey: Buffer;
  readonly secureCookies: boolean;
  readonly retentionDays: () => Promise<number>;
  readonly now: () => number;
}

function sendHtml(res: ServerResponse, status: number, html: string): void {
  res.writeHead(status, {
    ...BASE_HEADERS,
    'Content-Type': 'text/html; charset=utf-8',
    'Content-Security-Policy': PAGE_CSP,
    'Cache-Control': 'no-store',
  });
  res.end(html);
}

function address(context: RouteContext): string {
  return context.req.socket.remoteAddress ?? '';
}

function secretsOf(context: RouteContext): string[] {
  return [...readCookies(context.req)].filter(([name]) => name.startsWith(COOKIE_PREFIX)).map(([, value]) => value);
}

async function readForm(context: RouteContext): Promise<URLSearchParams> {
  const type = context.req.headers['content-type'] ?? '';
  if (!/^application\/x-www-form-urlencoded\b/i.test(type)) throw new HttpError('invalid_input', 'Send the form');
  return new URLSearchParams((await readBody(context.req, FORM_LIMIT)).toString('utf8'));
}

/** The join page, the join and continue forms, and the lesson's files: everything a learner's browser asks for. */
export function addLearnerRoutes(router: Router, deps: LearnerRoutesDeps): void {
  const joins = new RateLimit(20, 60_000);
  const lessonOr404 = async (context: RouteContext): Promise<PlayableVersion | null> => {
    const lesson = await findVersion(deps.db, context.params.slug ?? '', null);
    if (!lesson) sendHtml(context.res, 404, messagePage('Lesson not found', 'Check the link with your teacher.'));
    return lesson;
  };
  const enter = async (context: RouteContext, joined: Joined) => {
    const headers: Record<string, string | string[]> = {
      ...BASE_HEADERS,
      'Cache-Control': 'no-store',
      // The session travels in the fragment: never sent to a server, never in a Referer, gone from history once read.
      Location: `/l/${encodeURIComponent(context.params.slug ?? '')}/v/${joined.version}/index.html#session=${joined.session}`,
    };
    if (joined.secret !== null)
      headers['Set-Cookie'] = cookieHeader(`${COOKIE_PREFIX}${joined.classId.replace(/-/g, '')}`, joined.secret, {
        maxAgeSeconds: (await deps.retentionDays()) * 86_400,
        secure: deps.secureCookies,
      });
    context.res.writeHead(303, headers);
    context.res.end();
  };
  const answerJoinError = async (
    context: RouteContext,
    lesson: PlayableVersion,
    error: unknown,
    form: URLSearchParams,
  ) => {
    if (!(error instanceof HttpError) || error.status >= 500) throw error;
    const known = await knownLearners(deps.db, lesson, secretsOf(context));
    sendHtml(
      context.res,
      error.status,
      joinPage({
        lessonTitle: lesson.title,
        slug: context.params.slug ?? '',
        known,
        code: form.get('code') ?? '',
        name: form.get('name') ?? '',
        error: error.message,
      }),
    );
  };

  router.add('GET', LEARNER_CSS_PATH, ({ res }) => {
    res.writeHead(200, { ...BASE_HEADERS, 'Content-Type': 'text/css; charset=utf-8', 'Cache-Control': 'max-age=3600' });
    res.end(LEARNER_CSS);
    return Promise.resolve();
  });

  router.add('GET', '/l/:slug', async (context) => {
    const lesson = await lessonOr404(context);
    if (!lesson) return;
    const known = await knownLearners(deps.db, lesson, secretsOf(context));
    sendHtml(context.res, 200, joinPage({ lessonTitle: lesson.title, slug: context.params.slug ?? '', known }));
  });

  router.add('POST', '/l/:slug/join', async (context) => {
    const lesson = await lessonOr404(context);
    if (!lesson) return;
    const form = await readForm(context);
    try {
      if (!joins.allows(address(context), deps.now()))
        throw new HttpError('rate_limited', 'Too many wrong codes from this network. Wait a minute and try again.');
      const joined = await join(
        deps.db,
        deps.sessionKey,
        lesson,
        { code: form.get('code') ?? '', name: form.get('name') ?? '', known: secretsOf(context) },
        deps.now(),
      );
      await enter(context, joined);
    } catch (error) {
      if (error instanceof HttpError && error.code === 'not_found') joins.count(address(context), deps.now());
      await answerJoinError(context, lesson, error, form);
    }
  });

  router.add('POST', '/l/:slug/continue', async (context) => {
    const lesson = await lessonOr404(context);
    if (!lesson) return;
    const form = await readForm(context);
    try {
      const joined = await continueAs(
        deps.db,
        deps.sessionKey,
        lesson,
        form.get('learner') ?? '',
        secretsOf(context),
        deps.now(),
      );
      await enter(context, joined);
    } catch (error) {
      await answerJoinError(context, lesson, error, form);
    }
  });

  router.add('GET', '/l/:slug/v/:version/*rest', async (context) => {
    const version = Number(context.params.version);
    const lesson =
      Number.isInteger(version) && version > 0 ? await findVersion(deps.db, context.params.slug ?? '', version) : null;
    let file: string;
    try {
      file = decodeURIComponent(context.params.rest ?? '');
    } catch {
      file = '';
    }
    // Only the files the package listed are served: no path from the address ever reaches the disk unchecked.
    if (!lesson || lesson.version !== version || !Object.hasOwn(lesson.files, file)) {
      context.res.writeHead(404, { ...BASE_HEADERS, 'Content-Type': 'text/plain; charset=utf-8' });
      context.res.end('Not found');
      return;
    }
    await sendFile(
      context.req,
      context.res,
      path.join(packagesDir(deps.dataDir), ...lesson.folder.split('/'), ...file.split('/')),
      {
        'Content-Security-Policy': PLAYER_CSP,
        'Cache-Control': file === 'index.html' ? 'no-cache' : 'public, max-age=31536000, immutable',
      },
    );
  });
}
