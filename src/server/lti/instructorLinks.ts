import type { Queryable } from '../db/database';
import { HttpError } from '../http/errors';
import { hashSecret } from '../auth/tokens';
import type { Platform } from './platforms';

/**
 * Which teacher an LMS instructor is on a school-wide registration: none until they sign in once with a teacher token
 * (`none`); `revoked` when they did, but with a token since revoked (they are asked to sign in again).
 */
export type InstructorLink =
  { readonly kind: 'linked'; readonly teacherId: string } | { readonly kind: 'none' } | { readonly kind: 'revoked' };

export async function instructorLink(db: Queryable, platformId: string, sub: string): Promise<InstructorLink> {
  const [row] = await db.query<{ teacher_id: string; revoked: boolean }>(
    `SELECT x.teacher_id, (k.revoked_at IS NOT NULL) AS revoked
     FROM lti_instructor_links x JOIN teacher_tokens k ON k.id = x.token_id
     WHERE x.platform_id = $1 AND x.sub = $2`,
    [platformId, sub],
  );
  if (!row) return { kind: 'none' };
  return row.revoked ? { kind: 'revoked' } : { kind: 'linked', teacherId: row.teacher_id };
}

/**
 * Links the LMS user to the teacher whose token they pasted (replacing an earlier link). A wrong, unknown or revoked
 * token is refused alike and stores nothing.
 */
export async function linkInstructor(
  db: Queryable,
  link: { platformId: string; sub: string; name: string; token: string },
  now: number,
): Promise<{ teacherId: string; email: string }> {
  const token = link.token.trim();
  const [row] = token.startsWith('fst_')
    ? await db.query<{ token_id: string; teacher_id: string; email: string }>(
        `UPDATE teacher_tokens k SET last_used_at = now() FROM teachers t
         WHERE k.token_hash = $1 AND k.revoked_at IS NULL AND t.id = k.teacher_id
         RETURNING k.id AS token_id, t.id AS teacher_id, t.email`,
        [hashSecret(token)],
      )
    : [];
  if (!row)
    throw new HttpError(
      'unauthorized',
      'This is not a valid teacher token, or it was revoked. Paste the token you use in Flipside Studio (it starts ' +
        'with fst_); ask the class server’s administrator for a new one if yours no longer works.',
    );
  await db.query(
    `INSERT INTO lti_instructor_links (platform_id, sub, teacher_id, token_id, name, created_at)
     VALUES ($1, $2, $3, $4, $5, $6)
     ON CONFLICT (platform_id, sub) DO UPDATE SET teacher_id = EXCLUDED.teacher_id, token_id = EXCLUDED.token_id,
       name = EXCLUDED.name, created_at = EXCLUDED.created_at`,
    [link.platformId, link.sub, row.teacher_id, row.token_id, link.name.slice(0, 200), now],
  );
  return { teacherId: row.teacher_id, email: row.email };
}

export interface LinkListing {
  readonly issuer: string;
  readonly clientId: string;
  readonly platformName: string;
  readonly sub: string;
  readonly name: string;
  readonly since: number;
  /** The token it was made with is revoked: the link no longer works. */
  readonly revoked: boolean;
}

/** The LMS users signed in as this teacher, newest first. */
export async function listInstructorLinks(db: Queryable, email: string): Promise<LinkListing[]> {
  const rows = await db.query<{
    issuer: string;
    client_id: string;
    platform_name: string;
    sub: string;
    name: string;
    created_at: string | number;
    revoked: boolean;
  }>(
    `SELECT p.issuer, p.client_id, p.name AS platform_name, x.sub, x.name, x.created_at,
       (k.revoked_at IS NOT NULL) AS revoked
     FROM lti_instructor_links x
       JOIN teachers t ON t.id = x.teacher_id
       JOIN lti_platforms p ON p.id = x.platform_id
       JOIN teacher_tokens k ON k.id = x.token_id
     WHERE lower(t.email) = lower($1) ORDER BY x.created_at DESC`,
    [email],
  );
  return rows.map((row) => ({
    issuer: row.issuer,
    clientId: row.client_id,
    platformName: row.platform_name,
    sub: row.sub,
    name: row.name,
    since: Number(row.created_at),
    revoked: row.revoked,
  }));
}

/** Removes the teacher's link for that LMS user (on every registration of that issuer); how many went. */
export async function removeInstructorLink(db: Queryable, email: string, issuer: string, sub: string): Promise<number> {
  const rows = await db.query(
    `DELETE FROM lti_instructor_links x USING teachers t, lti_platforms p
     WHERE t.id = x.teacher_id AND p.id = x.platform_id AND lower(t.email) = lower($1) AND p.issuer = $2 AND x.sub = $3
     RETURNING 1`,
    [email, issuer, sub],
  );
  return rows.length;
}

/**
 * Whether an instructor may see the class results of a lesson of `lessonTeacherId`: on a school-wide registration
 * only if they signed in as that teacher, on a single-teacher one only for the owner's lessons. A registration with
 * neither (made by hand before deep linking) lets its instructors see any lesson's results, as it always did.
 */
export async function resultsAccess(
  db: Queryable,
  platform: Platform,
  sub: string,
  lessonTeacherId: string,
): Promise<void> {
  const other = 'This lesson belongs to another teacher on the class server: only their instructors see its results.';
  if (!platform.schoolWide) {
    if (platform.teacherId !== null && platform.teacherId !== lessonTeacherId) throw new HttpError('forbidden', other);
    return;
  }
  const link = await instructorLink(db, platform.id, sub);
  if (link.kind === 'none')
    throw new HttpError(
      'forbidden',
      'Sign in to the class server once to see class results: add Flipside content to a course from your LMS and ' +
        'paste your teacher token there, then open this again.',
    );
  if (link.kind === 'revoked')
    throw new HttpError(
      'forbidden',
      'Your sign-in to the class server has ended (the teacher token was revoked). Sign in again from your LMS’s ' +
        '“add content” with your current token, then open this again.',
    );
  if (link.teacherId !== lessonTeacherId) throw new HttpError('forbidden', other);
}
