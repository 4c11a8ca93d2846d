import { randomUUID } from 'node:crypto';
import { exportJWK, generateKeyPair, importJWK, type CryptoKey, type JWK } from 'jose';
import type { Queryable, ServerDatabase } from '../db/database';

/** A retired key stays published this long, so a platform still checks what was signed with it shortly before. */
export const RETIRED_KEY_PUBLISHED_MS = 7 * 24 * 3600_000;
export const TOOL_KEY_ALG = 'RS256';

interface KeyRow {
  kid: string;
  private_jwk: JWK;
  public_jwk: JWK;
  created_at: string | number;
  retired_at: string | number | null;
}

async function newKeyRow(now: number): Promise<{ kid: string; privateJwk: JWK; publicJwk: JWK; now: number }> {
  const { privateKey, publicKey } = await generateKeyPair(TOOL_KEY_ALG, { modulusLength: 2048, extractable: true });
  const kid = randomUUID();
  const meta = { kid, alg: TOOL_KEY_ALG, use: 'sig' };
  return {
    kid,
    privateJwk: { ...(await exportJWK(privateKey)), ...meta },
    publicJwk: { ...(await exportJWK(publicKey)), ...meta },
    now,
  };
}

async function insertKey(db: Queryable, now: number): Promise<string> {
  const key = await newKeyRow(now);
  await db.query('INSERT INTO lti_tool_keys (kid, private_jwk, public_jwk, created_at) VALUES ($1, $2, $3, $4)', [
    key.kid,
    JSON.stringify(key.privateJwk),
    JSON.stringify(key.publicJwk),
    now,
  ]);
  return key.kid;
}

/** Any constant: server processes starting together take turns making the first key. */
const KEY_LOCK = 7_334_202;

/** Makes the tool's first key when there is none (at start), once however many processes start together. */
export async function ensureToolKey(db: ServerDatabase, now: number): Promise<void> {
  await db.transaction(async (tx) => {
    await tx.query('SELECT pg_advisory_xact_lock($1)', [KEY_LOCK]);
    const [row] = await tx.query<{ n: number }>(
      'SELECT count(*)::int AS n FROM lti_tool_keys WHERE retired_at IS NULL',
    );
    if ((row?.n ?? 0) === 0) await insertKey(tx, now);
  });
}

/** A new signing key; the previous ones are retired but stay published for a week. Answers the new key's id. */
export async function rotateToolKeys(db: Queryable, now: number): Promise<{ kid: string; retired: number }> {
  const retired = await db.query<{ kid: string }>(
    'UPDATE lti_tool_keys SET retired_at = $1 WHERE retired_at IS NULL RETURNING kid',
    [now],
  );
  const kid = await insertKey(db, now);
  await db.query('DELETE FROM lti_tool_keys WHERE retired_at IS NOT NULL AND retired_at < $1', [
    now - RETIRED_KEY_PUBLISHED_MS,
  ]);
  return { kid, retired: retired.length };
}

/** The public half of every key a platform may meet: the current one and those retired less than a week ago. */
export async function publicJwks(db: Queryable, now: number): Promise<{ keys: JWK[] }> {
  const rows = await db.query<KeyRow>(
    `SELECT kid, public_jwk FROM lti_tool_keys WHERE retired_at IS NULL OR retired_at >= $1 ORDER BY created_at DESC`,
    [now - RETIRED_KEY_PUBLISHED_MS],
  );
  return { keys: rows.map((row) => row.public_jwk) };
}

/** The key the tool signs with (deep linking responses, service client assertions): the newest one in use. */
export async function signingKey(db: Queryable): Promise<{ kid: string; key: CryptoKey }> {
  const [row] = await db.query<KeyRow>(
    'SELECT kid, private_jwk FROM lti_tool_keys WHERE retired_at IS NULL ORDER BY created_at DESC LIMIT 1',
  );
  if (!row) throw new Error('The tool has no signing key; start the server once, or run: flipside serve keys rotate');
  const key = await importJWK(row.private_jwk, TOOL_KEY_ALG);
  if (key instanceof Uint8Array) throw new Error('The tool key is not an RSA key');
  return { kid: row.kid, key };
}
