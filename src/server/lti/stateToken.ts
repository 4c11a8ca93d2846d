import { randomBytes } from 'node:crypto';
import { jwtVerify, SignJWT } from 'jose';
import { z } from 'zod';

/** How long a login may take between the tool's redirect and the platform's answer (a teacher may need to sign in). */
export const LOGIN_TTL_MS = 10 * 60_000;
const AUDIENCE = 'flipside-lti-state';

const stateSchema = z.object({
  nonce: z.string().min(32),
  platform: z.uuid(),
  target: z.url(),
  /** Set when the platform storage (postMessage) holds this login's nonce and the launch must read it back. */
  storage: z.string().nullable(),
  jti: z.string().min(16),
});
export type LoginState = z.infer<typeof stateSchema>;

export function newNonce(): string {
  return randomBytes(32).toString('base64url');
}

/**
 * The OIDC `state`, signed with the server's key instead of remembered in a cookie: inside an LMS iframe the browser
 * may send the tool no cookie at all, and any server process can check a state another one issued.
 */
export async function signState(key: Buffer, state: LoginState, now: number): Promise<string> {
  return new SignJWT({ ...state })
    .setProtectedHeader({ alg: 'HS256' })
    .setAudience(AUDIENCE)
    .setIssuedAt(Math.floor(now / 1000))
    .setExpirationTime(Math.floor((now + LOGIN_TTL_MS) / 1000))
    .sign(new Uint8Array(key));
}

/** The state this server issued, or null (forged, altered, expired, or from another server). */
export async function verifyState(key: Buffer, token: string, now: number): Promise<LoginState | null> {
  try {
    const { payload } = await jwtVerify(token, new Uint8Array(key), {
      audience: AUDIENCE,
      algorithms: ['HS256'],
      currentDate: new Date(now),
    });
    const parsed = stateSchema.safeParse(payload);
    return parsed.success ? parsed.data : null;
  } catch {
    return null;
  }
}
