import type { ServerResponse } from 'node:http';
import { z } from 'zod';
import type { ServerDatabase } from '../db/database';
import { HttpError } from '../http/errors';
import { BASE_HEADERS, readBody, readJson, sendJson } from '../http/respond';
import type { RouteContext, Router } from '../http/router';
import { classResults } from '../results/classResults';
import { LaunchError } from './idToken';
import { acceptLaunch, confirmLaunch, instructorLaunch, type LaunchDeps } from './launch';
import { LAUNCH_PATH, loginRequestOf, startLogin } from './login';
import {
  LTI_CSS,
  LTI_CSS_PATH,
  LTI_SCRIPT_PATH,
  ltiMessagePage,
  resultsPage,
  STORAGE_SCRIPT,
  storagePage,
} from './ltiPages';
import { refreshRosters } from './roster';
import type { ServiceTokens } from './serviceToken';
import { publicJwks } from './toolKeys';
import {
  checkChoiceToken,
  choiceToken,
  closeDeepLinking,
  contentItems,
  DEEP_LINK_PATH,
  ForeignLessonError,
  openDeepLinking,
  signDeepLinkingResponse,
  type DeepLinkForm,
  type DeepLinkingSignIn,
  type OpenDeepLinking,
} from './deepLinking';
import {
  choicePage,
  DEEP_LINKING_CSS,
  RETURN_SCRIPT,
  RETURN_SCRIPT_PATH,
  returnPage,
  signInPage,
} from './deepLinkingPages';
import { linkInstructor } from './instructorLinks';

export const LOGIN_PATH = '/lti/login';
export const JWKS_PATH = '/lti/jwks';
const CONFIRM_PATH = '/lti/launch/confirm';
const FORM_LIMIT = 64 * 1024;

export interface LtiRoutesDeps extends LaunchDeps {
  readonly db: ServerDatabase;
  readonly log: (line: string) => void;
  /** Access tokens for the platforms' services (here the roster). */
  readonly tokens: ServiceTokens;
}

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

function redirect(res: ServerResponse, location: string): void {
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

const confirmSchema = z.object({ launch: z.string().min(1).max(100), value: z.string().min(1).max(200) });

/**
 * OIDC login initiation, the launch, the platform storage step, an instructor's results, deep linking (the choice
 * page and the signed answer to the LMS), and the tool's keys.
 */
export function addLtiRoutes(router: Router, deps: LtiRoutesDeps): void {
  const { db } = deps;
  /** Refusals are pages (the person is in an LMS frame, not reading JSON); the reason goes to the log. */
  const guarded =
    (title: string, handler: (context: RouteContext) => Promise<void>) => async (context: RouteContext) => {
      try {
        await handler(context);
      } catch (error) {
        if (error instanceof LaunchError) {
          deps.log(`flipside serve: LTI launch refused: ${error.reason}`);
          sendPage(context.res, 400, ltiMessagePage(title, error.message));
          return;
        }
        if (!(error instanceof HttpError) || error.status >= 500) throw error;
        sendPage(context.res, error.status, ltiMessagePage(title, error.message));
      }
    };

  const login = guarded('The lesson could not open', async (context) => {
    const answer = await startLogin(
      db,
      deps.sessionKey,
      deps.publicUrl,
      loginRequestOf(await formOf(context)),
      deps.now(),
    );
    if (answer.kind === 'redirect') redirect(context.res, answer.location);
    else sendPage(context.res, 200, storagePage(answer.page));
  });
  router.add('GET', LOGIN_PATH, login);
  router.add('POST', LOGIN_PATH, login);

  router.add(
    'POST',
    LAUNCH_PATH,
    guarded('The lesson could not open', async (context) => {
      const answer = await acceptLaunch(deps, await formOf(context));
      if (answer.kind === 'open') {
        redirect(context.res, answer.location);
        return;
      }
      sendPage(
        context.res,
        200,
        storagePage({
          step: 'launch',
          frame: answer.frame,
          origin: answer.origin,
          key: answer.key,
          launch: answer.launch,
          confirm: CONFIRM_PATH,
        }),
      );
    }),
  );

  router.add('POST', CONFIRM_PATH, async (context) => {
    const parsed = confirmSchema.safeParse(await readJson(context.req, FORM_LIMIT));
    if (!parsed.success) throw new HttpError('invalid_input', 'Send the launch and the value read back');
    sendJson(context.res, 200, {
      location: await confirmLaunch(db, parsed.data.launch, parsed.data.value, deps.now()),
    });
  });

  router.add(
    'GET',
    '/lti/results/:launchId',
    guarded('Class results', async (context) => {
      const now = deps.now();
      const opened = await instructorLaunch(db, context.params.launchId ?? '', now);
      const [teacher] = await db.query<{ id: string; email: string; name: string }>(
        'SELECT id, email, name FROM teachers WHERE id = $1',
        [opened.teacherId],
      );
      if (!teacher) throw new HttpError('gone', 'The teacher of this lesson is no longer on the class server.');
      // Only an instructor's launch gets here: a learner can neither make the tool read the roster nor see it.
      const roster = await refreshRosters(db, deps.tokens, opened, now, deps.log);
      const results = await classResults(db, teacher, deps.publicUrl, opened.lessonId, opened.classId, now);
      sendPage(context.res, 200, resultsPage(results, results.classes[0]?.name ?? '', roster, now));
    }),
  );

  const choosePath = `${DEEP_LINK_PATH}/:launchId`;
  const signInPath = `${choosePath}/sign-in`;
  const choice = (open: OpenDeepLinking, error: string | null) =>
    choicePage({
      lessons: open.lessons,
      action: `${DEEP_LINK_PATH}/${open.id}`,
      token: choiceToken(deps.sessionKey, open.id),
      multiple: open.settings.acceptMultiple,
      error,
    });
  const signIn = (open: DeepLinkingSignIn, error: string | null) =>
    signInPage({
      platform: open.platform.name || new URL(open.platform.issuer).host,
      action: `${DEEP_LINK_PATH}/${open.id}/sign-in`,
      token: choiceToken(deps.sessionKey, open.id, 'sign-in'),
      revoked: open.revoked,
      error,
    });
  /** A post from the tool's own page: its origin (the page sends no referrer, so `null`) and its form's token. */
  const ownPost = async (context: RouteContext, form: DeepLinkForm): Promise<URLSearchParams> => {
    const origin = context.req.headers.origin;
    const fields = await formOf(context);
    if (
      (origin && origin !== 'null' && origin !== new URL(deps.publicUrl).origin) ||
      !checkChoiceToken(deps.sessionKey, context.params.launchId ?? '', fields.get('token') ?? '', form)
    )
      throw new HttpError(
        'forbidden',
        'This form did not come from the tool’s own page. Add content again from your course.',
      );
    return fields;
  };

  router.add(
    'GET',
    choosePath,
    guarded('Add Flipside lessons', async (context) => {
      const open = await openDeepLinking(db, deps.publicUrl, context.params.launchId ?? '', deps.now());
      sendPage(context.res, 200, open.kind === 'choose' ? choice(open, null) : signIn(open, null));
    }),
  );

  router.add(
    'POST',
    signInPath,
    guarded('Sign in to add Flipside lessons', async (context) => {
      const id = context.params.launchId ?? '';
      const form = await ownPost(context, 'sign-in');
      const now = deps.now();
      const open = await openDeepLinking(db, deps.publicUrl, id, now);
      if (open.kind === 'signIn') {
        try {
          const linked = await linkInstructor(
            db,
            {
              platformId: open.platform.id,
              sub: open.sub,
              name: open.instructorName,
              token: form.get('teacher_token') ?? '',
            },
            now,
          );
          deps.log(`flipside serve: LTI instructor of ${open.platform.issuer} signed in as ${linked.email}`);
        } catch (error) {
          if (!(error instanceof HttpError) || error.code !== 'unauthorized') throw error;
          deps.log(`flipside serve: LTI instructor sign-in refused (platform ${open.platform.issuer})`);
          sendPage(context.res, 401, signIn(open, error.message));
          return;
        }
      }
      redirect(context.res, `${DEEP_LINK_PATH}/${id}`);
    }),
  );

  router.add(
    'POST',
    choosePath,
    guarded('Add Flipside lessons', async (context) => {
      const id = context.params.launchId ?? '';
      const form = await ownPost(context, 'choice');
      const now = deps.now();
      const open = await openDeepLinking(db, deps.publicUrl, id, now);
      if (open.kind === 'signIn') {
        sendPage(context.res, 401, signIn(open, 'Sign in again before adding lessons.'));
        return;
      }
      let items: object[];
      try {
        items = contentItems(open, form.getAll('lesson'));
      } catch (error) {
        if (error instanceof ForeignLessonError)
          deps.log(
            `flipside serve: LTI deep linking refused: a lesson of another teacher (platform ${open.platform.issuer})`,
          );
        if (error instanceof HttpError && error.code === 'invalid_input') {
          sendPage(context.res, 400, choice(open, error.message));
          return;
        }
        throw error;
      }
      if (!(await closeDeepLinking(db, id, now)))
        throw new HttpError('unauthorized', 'These lessons were added already. Add content again from your course.');
      const jwt = await signDeepLinkingResponse(db, open, items, now);
      const titles = open.lessons.filter((lesson) => form.getAll('lesson').includes(lesson.id)).map((l) => l.title);
      sendPage(
        context.res,
        200,
        returnPage(open.settings.returnUrl, jwt, titles),
        new URL(open.settings.returnUrl).origin,
      );
    }),
  );

  router.add('GET', JWKS_PATH, async ({ res }) => {
    const jwks = await publicJwks(db, deps.now());
    const text = JSON.stringify(jwks);
    res.writeHead(200, {
      ...BASE_HEADERS,
      'Cross-Origin-Resource-Policy': 'cross-origin',
      'Content-Type': 'application/json; charset=utf-8',
      'Cache-Control': 'max-age=300',
    });
    res.end(text);
  });
  addAsset(router, LTI_SCRIPT_PATH, 'text/javascript; charset=utf-8', STORAGE_SCRIPT);
  addAsset(router, RETURN_SCRIPT_PATH, 'text/javascript; charset=utf-8', RETURN_SCRIPT);
  addAsset(router, LTI_CSS_PATH, 'text/css; charset=utf-8', LTI_CSS + DEEP_LINKING_CSS);
}
