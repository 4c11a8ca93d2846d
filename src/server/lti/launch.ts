import { randomBytes } from 'node:crypto';
import type { JWTVerifyGetKey } from 'jose';
import type { Queryable, ServerDatabase } from '../db/database';
import { HttpError } from '../http/errors';
import { enterAs } from '../learn/learners';
import { findVersion } from '../lessons/lessonStore';
import type { DeepLinkingLaunch } from './claims';
import { DEEP_LINK_PATH, DEEP_LINK_TTL_MS, storedDeepLinking } from './deepLinking';
import { contextClass, ltiLearner, recordResourceLink } from './enrol';
import { LaunchError, validateIdToken } from './idToken';
import { lessonSlugOf } from './login';
import { findPlatformById, type Platform } from './platforms';
import { resultsAccess } from './instructorLinks';
import { addScoreTarget, queueScores } from './scores';
import { verifyState, type LoginState } from './stateToken';

/** A learner's launch waits this long for the platform storage check; an instructor's results page stays open an hour. */
const LEARNER_LAUNCH_TTL_MS = 5 * 60_000;
const INSTRUCTOR_LAUNCH_TTL_MS = 3600_000;

export interface LaunchDeps {
  readonly db: ServerDatabase;
  readonly sessionKey: Buffer;
  readonly publicUrl: string;
  readonly keysFor: (jwksUrl: string) => JWTVerifyGetKey;
  readonly now: () => number;
  /** Called when a launch queued a score for the platform's gradebook. */
  readonly scoresQueued?: () => void;
}

export type LaunchAnswer =
  | { readonly kind: 'open'; readonly location: string }
  | {
      readonly kind: 'confirm';
      readonly launch: string;
      readonly frame: string;
      readonly key: string;
      readonly origin: string;
    };

const AGAIN = 'Open the lesson again from your course.';

/** Marks the nonce used; false when it is unknown, expired or used already (a replayed launch). */
async function useNonce(db: Queryable, nonce: string, platformId: string, now: number): Promise<boolean> {
  const rows = await db.query<{ nonce: string }>(
    `UPDATE lti_nonces SET used_at = $3
     WHERE nonce = $1 AND platform_id = $2 AND used_at IS NULL AND expires_at > $3 RETURNING nonce`,
    [nonce, platformId, now],
  );
  return rows.length === 1;
}

/**
 * The launch itself (the platform's form post to the redirect URI): the state and the id_token checked, the nonce
 * used up, then the LTI context, user and resource link mapped onto a class, a learner and a lesson. A learner gets
 * their run of the lesson and a session; an instructor the link's Class results.
 */
export async function acceptLaunch(deps: LaunchDeps, form: URLSearchParams): Promise<LaunchAnswer> {
  const { db } = deps;
  const now = deps.now();
  const platformError = form.get('error');
  if (platformError)
    throw new LaunchError(
      `Your course could not sign you in to the lesson (${form.get('error_description') ?? platformError}).`,
      `platform error ${platformError}`,
    );
  const state = await verifyState(deps.sessionKey, form.get('state') ?? '', now);
  if (!state) throw new LaunchError(`This launch has expired or did not start here. ${AGAIN}`, 'bad state');
  const platform = await findPlatformById(db, state.platform);
  if (!platform) throw new LaunchError('This course’s platform is no longer registered here.', 'platform removed');
  const launch = await validateIdToken(form.get('id_token') ?? '', {
    platform,
    keys: deps.keysFor(platform.jwksUrl),
    nonce: state.nonce,
    targetLinkUri: state.target,
    now,
  });
  if (!(await useNonce(db, state.nonce, platform.id, now)))
    throw new LaunchError(`This launch was used already. ${AGAIN}`, 'nonce replayed or expired');
  if (launch.kind === 'deepLinking') return deepLinkingLaunch(deps, platform, launch, state);
  const slug = lessonSlugOf(launch.targetLinkUri, deps.publicUrl);
  const lesson = slug ? await findVersion(db, slug, null) : null;
  if (!lesson) throw new HttpError('not_found', 'This lesson is no longer on the class server. Tell your teacher.');
  if (launch.staff) await resultsAccess(db, platform, launch.sub, lesson.teacherId);
  const classId = await contextClass(db, platform, launch, lesson.teacherId);
  await recordResourceLink(db, platform, launch, lesson.lessonId, classId);
  const id = randomBytes(32).toString('base64url');
  let location = `/lti/results/${id}`;
  if (!launch.staff) {
    const learner = await ltiLearner(db, platform, launch, classId);
    const joined = await enterAs(db, deps.sessionKey, lesson, learner, now);
    location = `/l/${slug ?? ''}/v/${joined.version}/index.html#session=${joined.session}`;
    if (launch.lineitem !== null) {
      await addScoreTarget(db, { learnerId: learner.id, lessonId: lesson.lessonId, platform, launch });
      if ((await queueScores(db, learner.id, lesson.lessonId, now)) > 0) deps.scoresQueued?.();
    }
  }
  return recordLaunch(db, platform, state, {
    id,
    sub: launch.sub,
    role: launch.staff ? 'instructor' : 'learner',
    lessonId: lesson.lessonId,
    classId,
    location,
    expiresAt: now + (launch.staff ? INSTRUCTOR_LAUNCH_TTL_MS : LEARNER_LAUNCH_TTL_MS),
    deepLinking: null,
  });
}

/**
 * An instructor's "add content" launch: it opens the page where they choose lessons of the teacher the platform is
 * registered with, or, on a school-wide registration, of the teacher they sign in as (that page asks them once).
 * Learners have nothing to add; a platform registered without a teacher or the school has no lessons to offer.
 */
async function deepLinkingLaunch(
  deps: LaunchDeps,
  platform: Platform,
  launch: DeepLinkingLaunch,
  state: LoginState,
): Promise<LaunchAnswer> {
  if (!launch.staff) throw new HttpError('forbidden', 'Only the course’s instructors add lessons from here.');
  if (!platform.teacherId && !platform.schoolWide)
    throw new LaunchError(
      'This course’s platform is not linked to a teacher on this class server, so there are no lessons to add. Ask ' +
        'its administrator to run “flipside serve platforms add … --school” (or --teacher <email>).',
      'deep linking from a platform registered without --teacher',
    );
  const id = randomBytes(32).toString('base64url');
  return recordLaunch(deps.db, platform, state, {
    id,
    sub: launch.sub,
    role: 'deepLinking',
    lessonId: null,
    classId: null,
    location: `${DEEP_LINK_PATH}/${id}`,
    expiresAt: deps.now() + DEEP_LINK_TTL_MS,
    deepLinking: storedDeepLinking(platform.id, launch.settings, launch.name ?? ''),
  });
}

/** Keeps a validated launch for the page that opens it; through the platform storage, only once confirmed. */
async function recordLaunch(
  db: Queryable,
  platform: Platform,
  state: LoginState,
  launch: {
    id: string;
    sub: string;
    role: 'learner' | 'instructor' | 'deepLinking';
    lessonId: string | null;
    classId: string | null;
    location: string;
    expiresAt: number;
    deepLinking: object | null;
  },
): Promise<LaunchAnswer> {
  await db.query(
    `INSERT INTO lti_launches
       (id, role, nonce, storage_required, lesson_id, class_id, location, expires_at, deep_linking, platform_id, sub)
     VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11)`,
    [
      launch.id,
      launch.role,
      state.nonce,
      state.storage !== null,
      launch.lessonId,
      launch.classId,
      launch.location,
      launch.expiresAt,
      launch.deepLinking === null ? null : JSON.stringify(launch.deepLinking),
      platform.id,
      launch.sub,
    ],
  );
  if (state.storage === null) return { kind: 'open', location: launch.location };
  const [frame = '_parent', key = ''] = state.storage.split('\n');
  return { kind: 'confirm', launch: launch.id, frame, key, origin: new URL(platform.authLoginUrl).origin };
}

/**
 * The second half of a launch that went through the platform storage: the nonce read back from the platform's
 * window must be the one this launch carried. Answers where to go, once.
 */
export async function confirmLaunch(db: Queryable, launchId: string, value: string, now: number): Promise<string> {
  const [row] = await db.query<{ location: string; nonce: string }>(
    `SELECT location, nonce FROM lti_launches
     WHERE id = $1 AND storage_required AND NOT confirmed AND expires_at > $2`,
    [launchId, now],
  );
  if (!row || row.nonce !== value)
    throw new HttpError('forbidden', `This launch could not be confirmed with your course. ${AGAIN}`);
  const updated = await db.query<{ id: string }>(
    'UPDATE lti_launches SET confirmed = true WHERE id = $1 AND NOT confirmed RETURNING id',
    [launchId],
  );
  if (updated.length === 0) throw new HttpError('forbidden', `This launch was confirmed already. ${AGAIN}`);
  return row.location;
}

/**
 * The lesson and class an instructor's launch opened, while it lasts and while the instructor may see its results (a
 * revoked link stops an open page); a learner's launch never reaches results.
 */
export async function instructorLaunch(
  db: Queryable,
  launchId: string,
  now: number,
): Promise<{ lessonId: string; classId: string; teacherId: string }> {
  const [row] = await db.query<{
    role: string;
    usable: boolean;
    lesson_id: string;
    class_id: string;
    teacher_id: string;
    platform_id: string | null;
    sub: string | null;
  }>(
    `SELECT x.role, (x.expires_at > $2 AND (x.confirmed OR NOT x.storage_required)) AS usable,
       x.lesson_id, x.class_id, l.teacher_id, x.platform_id, x.sub
     FROM lti_launches x LEFT JOIN lessons l ON l.id = x.lesson_id WHERE x.id = $1`,
    [launchId, now],
  );
  if (row && row.role !== 'instructor')
    throw new HttpError('forbidden', 'Only the course’s instructors see the class results.');
  if (!row?.usable)
    throw new HttpError('unauthorized', 'This results page has expired. Open it again from your course.');
  const platform = row.platform_id ? await findPlatformById(db, row.platform_id) : null;
  if (platform) await resultsAccess(db, platform, row.sub ?? '', row.teacher_id);
  return { lessonId: row.lesson_id, classId: row.class_id, teacherId: row.teacher_id };
}

/** Nonces and launches past their time. */
export async function sweepLti(db: Queryable, now: number): Promise<void> {
  await db.query('DELETE FROM lti_nonces WHERE expires_at < $1', [now]);
  await db.query('DELETE FROM lti_launches WHERE expires_at < $1', [now]);
}
