import { createHash, createHmac, randomBytes, timingSafeEqual } from 'node:crypto';
import { z } from 'zod';

/** A teacher token: `fst_` and 32 random bytes. Only its SHA-256 is stored, so a leaked database holds no token. */
export function newTeacherToken(): string {
  return `fst_${randomBytes(32).toString('base64url')}`;
}

/** A learner's secret, kept in a first-party cookie so the same browser continues as the same learner. */
export function newLearnerSecret(): string {
  return randomBytes(32).toString('base64url');
}

/** Tokens and secrets are 256 random bits: a plain SHA-256 is enough (no password stretching needed). */
export function hashSecret(secret: string): string {
  return createHash('sha256').update(secret, 'utf8').digest('hex');
}

export const sessionClaimsSchema = z.object({
  learnerId: z.uuid(),
  lessonId: z.uuid(),
  version: z.number().int().positive(),
  expiresAt: z.number().int().positive(),
});
export type SessionClaims = z.infer<typeof sessionClaimsSchema>;

/** How long a player session lasts: a learner may leave a lesson open for weeks and come back to it. */
export const SESSION_TTL_MS = 180 * 24 * 3600_000;

/**
 * A learner's session for one lesson, signed with the server's key (kept in the database, so every server process
 * checks the others' tokens without asking the database on each event). Deleting the learner is what revokes it: the
 * events of a deleted learner have no run to land in.
 */
export function signSession(key: Buffer, claims: SessionClaims): string {
  const body = Buffer.from(JSON.stringify(claims), 'utf8').toString('base64url');
  return `${body}.${mac(key, body)}`;
}

export function verifySession(key: Buffer, token: string, now: number): SessionClaims | null {
  const [body, signature, extra] = token.split('.');
  if (!body || !signature || extra !== undefined) return null;
  const expected = Buffer.from(mac(key, body), 'utf8');
  const given = Buffer.from(signature, 'utf8');
  if (expected.length !== given.length || !timingSafeEqual(expected, given)) return null;
  let raw: unknown;
  try {
    raw = JSON.parse(Buffer.from(body, 'base64url').toString('utf8'));
  } catch {
    return null;
  }
  const parsed = sessionClaimsSchema.safeParse(raw);
  return parsed.success && parsed.data.expiresAt > now ? parsed.data : null;
}

function mac(key: Buffer, body: string): string {
  return createHmac('sha256', key).update(body, 'utf8').digest('base64url');
}

/** The value of `Authorization: Bearer …`, or null. */
export function bearerOf(header: string | undefined): string | null {
  const match = /^Bearer\s+(\S+)$/i.exec(header ?? '');
  return match?.[1] ?? null;
}
