import { randomUUID } from 'node:crypto';
import { SignJWT } from 'jose';
import { z } from 'zod';
import type { Queryable } from '../db/database';
import type { Platform } from './platforms';
import { signingKey, TOOL_KEY_ALG } from './toolKeys';

/** A token is used until this long before the platform said it expires, so none dies on the way. */
const EXPIRY_MARGIN_MS = 60_000;
/** LTI Security Framework 4.1: the client assertion is short-lived. */
const ASSERTION_TTL_S = 5 * 60;
const REQUEST_TIMEOUT_MS = 30_000;

const tokenAnswerSchema = z.object({
  access_token: z.string().min(1),
  token_type: z.string().optional(),
  expires_in: z.number().positive().optional(),
});

/** A platform did not answer a service call as it should; `retry` says whether waiting may help. */
export class ServiceError extends Error {
  constructor(
    message: string,
    readonly retry: boolean,
  ) {
    super(message);
  }
}

/**
 * Access tokens for the platforms' LTI services (OAuth 2 client credentials with a JWT client assertion, RFC 7523,
 * as the LTI Security Framework 4.1 asks): the assertion is signed with the tool's key, whose public half the
 * platform reads from /lti/jwks. A token is kept per platform and scope until it is about to expire.
 */
export class ServiceTokens {
  private readonly cache = new Map<string, { token: string; until: number }>();

  constructor(
    private readonly db: Queryable,
    private readonly now: () => number,
  ) {}

  async token(platform: Platform, scope: string): Promise<string> {
    const key = `${platform.id} ${scope}`;
    const cached = this.cache.get(key);
    if (cached && cached.until > this.now()) return cached.token;
    if (!platform.tokenUrl)
      throw new ServiceError(
        'The platform was registered without its access token URL (flipside serve platforms add … --token-url)',
        false,
      );
    const { kid, key: signing } = await signingKey(this.db);
    const seconds = Math.floor(this.now() / 1000);
    const assertion = await new SignJWT({ jti: randomUUID() })
      .setProtectedHeader({ alg: TOOL_KEY_ALG, kid, typ: 'JWT' })
      .setIssuer(platform.clientId)
      .setSubject(platform.clientId)
      .setAudience(platform.tokenUrl)
      .setIssuedAt(seconds)
      .setExpirationTime(seconds + ASSERTION_TTL_S)
      .sign(signing);
    let response: Response;
    try {
      response = await fetch(platform.tokenUrl, {
        method: 'POST',
        headers: { 'content-type': 'application/x-www-form-urlencoded', accept: 'application/json' },
        body: new URLSearchParams({
          grant_type: 'client_credentials',
          client_assertion_type: 'urn:ietf:params:oauth:client-assertion-type:jwt-bearer',
          client_assertion: assertion,
          scope,
        }),
        signal: AbortSignal.timeout(REQUEST_TIMEOUT_MS),
      });
    } catch (error) {
      throw new ServiceError(`The platform's token endpoint did not answer: ${String(error)}`, true);
    }
    if (!response.ok)
      throw new ServiceError(`The platform's token endpoint answered ${response.status}`, response.status !== 400);
    const parsed = tokenAnswerSchema.safeParse(await response.json().catch(() => null));
    if (!parsed.success) throw new ServiceError('The platform’s token endpoint answered without a token', true);
    const lifetimeMs = (parsed.data.expires_in ?? 3600) * 1000;
    this.cache.set(key, {
      token: parsed.data.access_token,
      until: this.now() + Math.max(0, lifetimeMs - EXPIRY_MARGIN_MS),
    });
    return parsed.data.access_token;
  }

  /** The platform refused a token it gave: the next call asks for a new one. */
  forget(platform: Platform, scope: string): void {
    this.cache.delete(`${platform.id} ${scope}`);
  }
}
