import { createRemoteJWKSet, type JWTVerifyGetKey } from 'jose';

/** Asymmetric algorithms only: a platform signs with its private key, never with a secret the tool could hold. */
export const PLATFORM_ALGORITHMS = ['RS256', 'RS384', 'RS512', 'PS256', 'PS384', 'PS512', 'ES256', 'ES384'];

export interface PlatformKeysOptions {
  /** The shortest time between two fetches of one key set; a token with an unknown `kid` waits for it to pass. */
  readonly cooldownMs?: number;
  readonly timeoutMs?: number;
}

/**
 * Each platform's public keys, fetched from its JWKS URL and kept per process. A token signed with a key the cached
 * set does not have (the platform rotated its keys) makes jose fetch the set again, once per cooldown, so a flood of
 * made-up `kid`s cannot turn the server into a fetch loop against the platform.
 */
export class PlatformKeys {
  private readonly sets = new Map<string, JWTVerifyGetKey>();

  constructor(private readonly options: PlatformKeysOptions = {}) {}

  for(jwksUrl: string): JWTVerifyGetKey {
    let set = this.sets.get(jwksUrl);
    if (!set) {
      set = createRemoteJWKSet(new URL(jwksUrl), {
        cooldownDuration: this.options.cooldownMs ?? 30_000,
        timeoutDuration: this.options.timeoutMs ?? 5_000,
        cacheMaxAge: 24 * 3600_000,
      });
      this.sets.set(jwksUrl, set);
    }
    return set;
  }
}
