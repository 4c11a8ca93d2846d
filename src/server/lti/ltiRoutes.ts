import { z } from 'zod';
import type { ServerDatabase } from '../db/database';
import { HttpError } from '../http/errors';
import { BASE_HEADERS, readJson, sendJson } from '../http/respond';
import type { Router } from '../http/router';
import { classResults } from '../results/classResults';
import { addDeepLinkingRoutes } from './deepLinkingRoutes';
import { DEEP_LINKING_CSS, RETURN_SCRIPT, RETURN_SCRIPT_PATH } from './deepLinkingPages';
import { acceptLaunch, confirmLaunch, instructorLaunch, type LaunchDeps } from './launch';
import { LAUNCH_PATH, loginRequestOf, startLogin } from './login';
import { addAsset, formOf, guardedPage, redirect, sendPage } from './ltiHttp';
import { LTI_CSS, LTI_CSS_PATH, LTI_SCRIPT_PATH, resultsPage, STORAGE_SCRIPT, storagePage } from './ltiPages';
import { refreshRosters } from './roster';
import type { ServiceTokens } from './serviceToken';
import { publicJwks } from './toolKeys';

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

const confirmSchema = z.object({ launch: z.string().min(1).max(100), value: z.string().min(1).max(200) });

/**
 * OIDC login initiation, the launch, the platform storage step, an instructor's results, deep linking (the choice
 * page and the signed answer to the LMS), and the tool's keys.
 */
export function addLtiRoutes(router: Router, deps: LtiRoutesDeps): void {
  const { db } = deps;
  const guarded = guardedPage(deps.log);

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

  addDeepLinkingRoutes(router, deps);

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
