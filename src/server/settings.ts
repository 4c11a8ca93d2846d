import { randomBytes } from 'node:crypto';
import type { Queryable } from './db/database';

const SESSION_KEY = 'session_key';
const RETENTION_DAYS = 'retention_days';
const PUBLIC_URL = 'public_url';
export const DEFAULT_RETENTION_DAYS = 365;

/**
 * The key learner sessions are signed with. Made once by whichever process starts first; the others read it, so any
 * process behind the load balancer accepts any session.
 */
export async function sessionKey(db: Queryable): Promise<Buffer> {
  await db.query('INSERT INTO server_settings (key, value) VALUES ($1, $2) ON CONFLICT (key) DO NOTHING', [
    SESSION_KEY,
    randomBytes(32).toString('base64'),
  ]);
  const [row] = await db.query<{ value: string }>('SELECT value FROM server_settings WHERE key = $1', [SESSION_KEY]);
  if (!row) throw new Error('The session key could not be stored');
  return Buffer.from(row.value, 'base64');
}

/** Learner records untouched for longer than this are deleted (a server setting, shared by every process). */
export async function retentionDays(db: Queryable): Promise<number> {
  const [row] = await db.query<{ value: string }>('SELECT value FROM server_settings WHERE key = $1', [RETENTION_DAYS]);
  const days = Number(row?.value);
  return Number.isInteger(days) && days > 0 ? days : DEFAULT_RETENTION_DAYS;
}

export async function setRetentionDays(db: Queryable, days: number): Promise<void> {
  if (!Number.isInteger(days) || days < 1 || days > 36_500)
    throw new Error('Retention is a whole number of days, 1 to 36500');
  await db.query(
    'INSERT INTO server_settings (key, value) VALUES ($1, $2) ON CONFLICT (key) DO UPDATE SET value = EXCLUDED.value',
    [RETENTION_DAYS, String(days)],
  );
}

/** The address the server last ran at, so commands run beside it (`platforms invite`) print links that reach it. */
export async function rememberPublicUrl(db: Queryable, publicUrl: string): Promise<void> {
  await db.query(
    'INSERT INTO server_settings (key, value) VALUES ($1, $2) ON CONFLICT (key) DO UPDATE SET value = EXCLUDED.value',
    [PUBLIC_URL, publicUrl],
  );
}

export async function lastPublicUrl(db: Queryable): Promise<string | null> {
  const [row] = await db.query<{ value: string }>('SELECT value FROM server_settings WHERE key = $1', [PUBLIC_URL]);
  return row?.value ?? null;
}
