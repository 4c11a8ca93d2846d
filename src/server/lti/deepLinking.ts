import { createHmac, randomBytes, timingSafeEqual } from 'node:crypto';
import { SignJWT } from 'jose';
import { z } from 'zod';
import type { ServerLesson } from '@shared/classServer/results';
import type { Queryable } from '../db/database';
import { HttpError } from '../http/errors';
import { teacherLessons } from '../lessons/lessonStore';
import { deepLinkingSettingsSchema, LTI_CLAIM, type DeepLinkingSettings } from './claims';
import { instructorLink } from './instructorLinks';
import { findPlatformById, type Platform } from './platforms';
import { signingKey, TOOL_KEY_ALG } from './toolKeys';

export const DEEP_LINK_PATH = '/lti/deep-link';
/** An instructor has this long to choose lessons after the LMS opened the tool. */
export const DEEP_LINK_TTL_MS = 30 * 60_000;
/** The platform checks the answer at once: a response that waits longer is worth nothing to it. */
const RESPONSE_TTL_S = 10 * 60;

const AGAIN = 'Add content again from your course.';

/** The target link an LMS opens for content selection (its "deep linking URL"). */
export function deepLinkTarget(publicUrl: string): string {
  return new URL(DEEP_LINK_PATH, publicUrl).href;
}

/** What an instructor's deep-linking launch keeps until they choose: the platform's settings and which platform. */
export const storedDeepLinkingSchema = deepLinkingSettingsSchema.extend({
  platformId: z.uuid(),
  /** The instructor's name as the LMS gave it: shown beside their link in `teachers links`. */
  instructorName: z.string().default(''),
});
type StoredDeepLinking = z.input<typeof storedDeepLinkingSchema>;

export interface OpenDeepLinking {
  readonly kind: 'choose';
  readonly id: string;
  readonly platform: Platform;
  readonly settings: DeepLinkingSettings;
  /** The lessons the platform's teacher has published here: all that may be chosen. */
  readonly lessons: readonly ServerLesson[];
}

/**
 * A school-wide registration's instructor who has not said which teacher they are (or whose token was revoked since):
 * the page asks them to sign in once.
 */
export interface DeepLinkingSignIn {
  readonly kind: 'signIn';
  readonly id: string;
  readonly platform: Platform;
  readonly sub: string;
  readonly instructorName: string;
  readonly revoked: boolean;
}

/**
 * A deep-linking launch that is still open: validated, confirmed through the platform storage if that was used, not
 * expired and not answered yet. Its lessons are those of the teacher the platform registration names, or, on a
 * school-wide registration, of the teacher the launching instructor signed in as (checked at every opening, so a
 * revoked token stops a page already open).
 */
export async function openDeepLinking(
  db: Queryable,
  publicUrl: string,
  id: string,
  now: number,
): Promise<OpenDeepLinking | DeepLinkingSignIn> {
  const [row] = await db.query<{ role: string; usable: boolean; deep_linking: unknown; sub: string | null }>(
    `SELECT role, (expires_at > $2 AND used_at IS NULL AND (confirmed OR NOT storage_required)) AS usable,
       deep_linking, sub
     FROM lti_launches WHERE id = $1`,
    [id, now],
  );
  if (row && row.role !== 'deepLinking') throw new HttpError('forbidden', 'This page is for adding content.');
  const stored = storedDeepLinkingSchema.safeParse(row?.deep_linking);
  if (!row?.usable || !stored.success)
    throw new HttpError('unauthorized', `This page has expired or was used already. ${AGAIN}`);
  const platform = await findPlatformById(db, stored.data.platformId);
  const { platformId: _platformId, instructorName, ...settings } = stored.data;
  let teacherId = platform?.teacherId ?? null;
  if (platform?.schoolWide) {
    const link = await instructorLink(db, platform.id, row.sub ?? '');
    if (link.kind !== 'linked')
      return { kind: 'signIn', id, platform, sub: row.sub ?? '', instructorName, revoked: link.kind === 'revoked' };
    teacherId = link.teacherId;
  }
  if (!platform || !teacherId)
    throw new HttpError('forbidden', 'This course’s platform is no longer linked to a teacher on this class server.');
  return { kind: 'choose', id, platform, settings, lessons: await teacherLessons(db, teacherId, publicUrl) };
}

export function storedDeepLinking(
  platformId: string,
  settings: DeepLinkingSettings,
  instructorName: string,
): StoredDeepLinking {
  return { ...settings, platformId, instructorName };
}

/** Which form of the deep-linking page a token is for: no token of one form is accepted by the other. */
export type DeepLinkForm = 'choice' | 'sign-in';

/** A form's CSRF token: bound to this launch and form by the server's key, so no other page can post it. */
export function choiceToken(key: Buffer, id: string, form: DeepLinkForm = 'choice'): string {
  const label = form === 'choice' ? 'deep-link' : 'deep-link-sign-in';
  return createHmac('sha256', key).update(`${label}\n${id}`, 'utf8').digest('base64url');
}

export function checkChoiceToken(key: Buffer, id: string, given: string, form: DeepLinkForm = 'choice'): boolean {
  const expected = Buffer.from(choiceToken(key, id, form), 'utf8');
  const actual = Buffer.from(given, 'utf8');
  return expected.length === actual.length && timingSafeEqual(expected, actual);
}

/** The refusal when a choice names a lesson that is not on the list the page offered. */
export class ForeignLessonError extends HttpError {
  constructor() {
    super('forbidden', `Only lessons of the teacher this course is registered with can be added. ${AGAIN}`);
  }
}

/**
 * The chosen lessons as content items (Deep Linking 2.0, 3.1 `ltiResourceLink`): the lesson's link is what a later
 * launch opens, its id rides along as a custom parameter, and a line item (when the platform accepts them) makes the
 * LMS create a gradebook column, scored out of the lesson's questions (1 for a lesson without any: done or not).
 * Every id must be one of `open.lessons`; anything else is refused whole.
 */
export function contentItems(open: OpenDeepLinking, chosen: readonly string[]): object[] {
  const byId = new Map(open.lessons.map((lesson) => [lesson.id, lesson]));
  const lessons = [...new Set(chosen)].map((id) => byId.get(id));
  if (lessons.some((lesson) => lesson === undefined)) throw new ForeignLessonError();
  if (lessons.length === 0) throw new HttpError('invalid_input', 'Choose at least one lesson to add.');
  if (lessons.length > 1 && !open.settings.acceptMultiple)
    throw new HttpError('invalid_input', 'Your course takes one lesson here: choose one.');
  return lessons.flatMap((lesson) =>
    lesson
      ? [
          {
            type: 'ltiResourceLink',
            title: lesson.title,
            url: lesson.url,
            custom: { flipside_lesson_id: lesson.id },
            ...(open.settings.acceptLineItem
              ? {
                  lineItem: {
                    scoreMaximum: Math.max(1, lesson.questions.length),
                    label: lesson.title,
                    resourceId: lesson.id,
                  },
                }
              : {}),
          },
        ]
      : [],
  );
}

/** Uses the launch up; false when another request answered it first. */
export async function closeDeepLinking(db: Queryable, id: string, now: number): Promise<boolean> {
  const rows = await db.query<{ id: string }>(
    `UPDATE lti_launches SET used_at = $2
     WHERE id = $1 AND role = 'deepLinking' AND used_at IS NULL AND expires_at > $2 RETURNING id`,
    [id, now],
  );
  return rows.length === 1;
}

/**
 * The LtiDeepLinkingResponse (Deep Linking 2.0, 4.5): signed with the tool's current key (its `kid` in /lti/jwks),
 * issued by the client id to the platform's issuer, for the deployment that asked, echoing its `data`.
 */
export async function signDeepLinkingResponse(
  db: Queryable,
  open: OpenDeepLinking,
  items: readonly object[],
  now: number,
): Promise<string> {
  const { kid, key } = await signingKey(db);
  const seconds = Math.floor(now / 1000);
  return new SignJWT({
    nonce: randomBytes(16).toString('base64url'),
    [LTI_CLAIM.messageType]: 'LtiDeepLinkingResponse',
    [LTI_CLAIM.version]: '1.3.0',
    [LTI_CLAIM.deploymentId]: open.settings.deploymentId,
    [LTI_CLAIM.contentItems]: items,
    ...(open.settings.data !== null ? { [LTI_CLAIM.data]: open.settings.data } : {}),
  })
    .setProtectedHeader({ alg: TOOL_KEY_ALG, kid, typ: 'JWT' })
    .setIssuer(open.platform.clientId)
    .setAudience(open.platform.issuer)
    .setIssuedAt(seconds)
    .setExpirationTime(seconds + RESPONSE_TTL_S)
    .sign(key);
}
