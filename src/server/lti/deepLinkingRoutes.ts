import { HttpError } from '../http/errors';
import type { RouteContext, Router } from '../http/router';
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
import { choicePage, returnPage, signInPage } from './deepLinkingPages';
import { linkInstructor } from './instructorLinks';
import type { LaunchDeps } from './launch';
import { formOf, guardedPage, redirect, sendPage } from './ltiHttp';

/**
 * Deep linking's pages: the sign-in a school-wide registration's instructor passes once, the choice of lessons, and
 * the signed answer handed back to the LMS.
 */
export function addDeepLinkingRoutes(
  router: Router,
  deps: LaunchDeps & { readonly log: (line: string) => void },
): void {
  const { db } = deps;
  const guarded = guardedPage(deps.log);
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
}
