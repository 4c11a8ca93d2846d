import { randomUUID } from 'node:crypto';
import { exportJWK, generateKeyPair, SignJWT, type CryptoKey, type JWK, type JWTPayload } from 'jose';

/** The test LMS's own RSA keys (Security Framework 6): how it signs id_tokens and the key set it publishes. */

export interface SigningKey {
  readonly kid: string;
  readonly privateKey: CryptoKey;
  readonly publicJwk: JWK;
}

/** What a test may make wrong in an id_token, one thing at a time. */
export interface SignOptions {
  readonly audience?: string | string[];
  readonly issuedAt?: number;
  readonly expiresAt?: number;
  readonly key?: CryptoKey;
  readonly kid?: string;
}

export async function newSigningKey(): Promise<SigningKey> {
  const { privateKey, publicKey } = await generateKeyPair('RS256', { extractable: true });
  const kid = randomUUID();
  return { kid, privateKey, publicJwk: { ...(await exportJWK(publicKey)), kid, alg: 'RS256', use: 'sig' } };
}

/** The JWKS the platform publishes: the public half of each key it signs with. */
export function keySet(keys: readonly SigningKey[]): { keys: JWK[] } {
  return { keys: keys.map((key) => key.publicJwk) };
}

/** An id_token from `issuer` for `audience` (the tool's client id), valid five minutes unless `options` say otherwise. */
export function signIdToken(
  key: SigningKey,
  { issuer, audience }: { issuer: string; audience: string },
  payload: JWTPayload,
  options: SignOptions = {},
): Promise<string> {
  const now = Math.floor(Date.now() / 1000);
  return new SignJWT(payload)
    .setProtectedHeader({ alg: 'RS256', kid: options.kid ?? key.kid, typ: 'JWT' })
    .setIssuer(issuer)
    .setAudience(options.audience ?? audience)
    .setIssuedAt(options.issuedAt ?? now)
    .setExpirationTime(options.expiresAt ?? now + 300)
    .sign(options.key ?? key.privateKey);
}
