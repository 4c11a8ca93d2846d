import { randomBytes } from 'node:crypto';
import { findTeacher, type Teacher } from '../auth/teachers';
import { hashSecret } from '../auth/tokens';
import type { Queryable } from '../db/database';

export const REGISTER_PATH = '/lti/register';
export const DEFAULT_INVITE_DAYS = 7;
const DAY_MS = 24 * 3600_000;
/** Used and expired invites are kept this long (what registered which platform), then swept. */
const KEEP_SPENT_MS = 90 * DAY_MS;

/** Why a registration stopped, in words the LMS admin reads on the registration page. */
export class RegistrationError extends Error {
  constructor(
    readonly kind: 'invite' | 'forbidden' | 'unreachable' | 'invalid' | 'refused',
    message: string,
  ) {
    super(message);
  }
}

export interface Invite {
  readonly tokenHash: string;
  /** Whose registration it makes; null: the whole school's (its instructors sign in once as their teacher). */
  readonly teacher: Teacher | null;
  readonly expiresAt: number;
}

/**
 * A registration link for `teacherEmail`'s LMS, or (null) the school's: one use, `days` long. The token is 256 random
 * bits, shown once and stored hashed; it is not a teacher's token and can do nothing but register one LMS.
 */
export async function createInvite(
  db: Queryable,
  publicUrl: string,
  teacherEmail: string | null,
  now: number,
  days = DEFAULT_INVITE_DAYS,
): Promise<{ url: string; expiresAt: number; teacher: Teacher | null }> {
  if (!Number.isInteger(days) || days < 1 || days > 30) throw new Error('An invite lasts 1 to 30 days (--days)');
  const teacher = teacherEmail === null ? null : await findTeacher(db, teacherEmail.trim());
  if (teacherEmail !== null && !teacher)
    throw new Error(`No teacher ${teacherEmail} on this server (flipside serve teachers add --email …)`);
  const token = `fsi_${randomBytes(32).toString('base64url')}`;
  const expiresAt = now + days * DAY_MS;
  await db.query('INSERT INTO lti_invites (token_hash, teacher_id, created_at, expires_at) VALUES ($1, $2, $3, $4)', [
    hashSecret(token),
    teacher?.id ?? null,
    now,
    expiresAt,
  ]);
  const url = new URL(REGISTER_PATH, publicUrl);
  url.searchParams.set('invite', token);
  return { url: url.href, expiresAt, teacher };
}

const day = (ms: number) => new Date(ms).toISOString().slice(0, 10);

/** The invite a registration link carries, if it may still register an LMS; otherwise why not. */
export async function openInvite(db: Queryable, token: string, now: number): Promise<Invite> {
  const [row] = await db.query<{
    token_hash: string;
    expires_at: string | number;
    used_at: string | number | null;
    id: string | null;
    email: string;
    name: string;
  }>(
    `SELECT i.token_hash, i.expires_at, i.used_at, t.id, t.email, t.name
     FROM lti_invites i LEFT JOIN teachers t ON t.id = i.teacher_id WHERE i.token_hash = $1`,
    [hashSecret(token)],
  );
  const again = 'Ask for a new registration link (flipside serve platforms invite).';
  if (!row) throw new RegistrationError('invite', `This registration link is not one this class server made. ${again}`);
  if (row.used_at !== null)
    throw new RegistrationError(
      'invite',
      `This registration link was used already, on ${day(Number(row.used_at))}. ${again}`,
    );
  if (Number(row.expires_at) <= now)
    throw new RegistrationError('invite', `This registration link expired on ${day(Number(row.expires_at))}. ${again}`);
  return {
    tokenHash: row.token_hash,
    teacher: row.id === null ? null : { id: row.id, email: row.email, name: row.name },
    expiresAt: Number(row.expires_at),
  };
}

/** Takes the invite for one registration; false when another took it first or it has just expired. */
export async function claimInvite(db: Queryable, invite: Invite, now: number): Promise<boolean> {
  const rows = await db.query(
    'UPDATE lti_invites SET used_at = $2 WHERE token_hash = $1 AND used_at IS NULL AND expires_at > $2 RETURNING 1',
    [invite.tokenHash, now],
  );
  return rows.length === 1;
}

/** Gives a claimed invite back after a registration that stored nothing, so the admin can try again. */
export async function releaseInvite(db: Queryable, invite: Invite): Promise<void> {
  await db.query('UPDATE lti_invites SET used_at = NULL WHERE token_hash = $1 AND platform_id IS NULL', [
    invite.tokenHash,
  ]);
}

export async function recordRegistered(db: Queryable, invite: Invite, platformId: string): Promise<void> {
  await db.query('UPDATE lti_invites SET platform_id = $2 WHERE token_hash = $1', [invite.tokenHash, platformId]);
}

/** A revoked teacher's unused links stop working with their tokens. */
export async function revokeInvites(db: Queryable, teacherEmail: string, now: number): Promise<number> {
  const rows = await db.query(
    `UPDATE lti_invites SET expires_at = $2
     WHERE used_at IS NULL AND expires_at > $2
       AND teacher_id = (SELECT id FROM teachers WHERE lower(email) = lower($1)) RETURNING 1`,
    [teacherEmail, now],
  );
  return rows.length;
}

export async function sweepInvites(db: Queryable, now: number): Promise<void> {
  await db.query('DELETE FROM lti_invites WHERE expires_at < $1 OR used_at < $1', [now - KEEP_SPENT_MS]);
}
