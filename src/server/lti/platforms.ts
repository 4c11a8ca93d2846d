import { randomUUID } from 'node:crypto';
import { z } from 'zod';
import { findTeacher } from '../auth/teachers';
import type { Queryable } from '../db/database';

export interface Platform {
  readonly id: string;
  readonly name: string;
  readonly issuer: string;
  readonly clientId: string;
  readonly authLoginUrl: string;
  readonly jwksUrl: string;
  readonly tokenUrl: string;
  readonly deployments: readonly string[];
  /** The teacher who owns this registration: their lessons are what a deep-linking request may add. */
  readonly teacherId: string | null;
  /** Registered once for a whole school: no owner; each instructor signs in once as one of its teachers. */
  readonly schoolWide: boolean;
}

const webAddress = (what: string) =>
  z
    .string()
    .trim()
    .pipe(
      z.url({
        protocol: /^https?$/,
        error: `${what} is a web address (https://…)`,
      }),
    );

/** What `flipside serve platforms add` takes: the values an LMS shows when a tool is registered by hand. */
export const platformInputSchema = z.object({
  name: z.string().trim().max(200).default(''),
  issuer: webAddress('The issuer (--issuer)'),
  clientId: z.string().trim().min(1, { error: 'The client id (--client-id) is required' }).max(500),
  authLoginUrl: webAddress('The authentication URL (--auth-url)'),
  jwksUrl: webAddress('The key set URL (--jwks-url)'),
  tokenUrl: z.union([webAddress('The access token URL (--token-url)'), z.literal('')]).default(''),
  deployments: z
    .array(z.string().trim().min(1).max(255))
    .min(1, { error: 'Give at least one deployment id (--deployment)' }),
  /** The email of the teacher whose lessons the LMS's instructors add through deep linking (--teacher). */
  teacher: z.string().trim().max(320).default(''),
  /** Registered for the whole school (--school): every teacher's instructors sign in once with their token. */
  school: z.boolean().default(false),
});
export type PlatformInput = z.input<typeof platformInputSchema>;

interface PlatformRow {
  id: string;
  name: string;
  issuer: string;
  client_id: string;
  auth_login_url: string;
  jwks_url: string;
  token_url: string;
  teacher_id: string | null;
  school_wide: boolean;
  deployments: string[] | null;
}

const SELECT = `SELECT p.id, p.name, p.issuer, p.client_id, p.auth_login_url, p.jwks_url, p.token_url, p.teacher_id, p.school_wide,
  (SELECT array_agg(d.deployment_id ORDER BY d.deployment_id) FROM lti_deployments d WHERE d.platform_id = p.id)
    AS deployments
  FROM lti_platforms p`;

function platformOf(row: PlatformRow): Platform {
  return {
    id: row.id,
    name: row.name,
    issuer: row.issuer,
    clientId: row.client_id,
    authLoginUrl: row.auth_login_url,
    jwksUrl: row.jwks_url,
    tokenUrl: row.token_url,
    deployments: row.deployments ?? [],
    teacherId: row.teacher_id,
    schoolWide: row.school_wide,
  };
}

/**
 * Registers a platform, or updates the one with the same issuer and client id (its addresses change when an LMS
 * moves); deployments are added to those already known, never removed here. Naming a teacher or the school changes
 * whose registration it is; naming neither keeps what it was.
 */
export async function addPlatform(db: Queryable, input: PlatformInput): Promise<Platform> {
  const parsed = platformInputSchema.safeParse(input);
  if (!parsed.success) throw new Error(parsed.error.issues[0]?.message ?? 'The platform is not valid');
  const value = parsed.data;
  if (value.school && value.teacher !== '')
    throw new Error('A registration is for one teacher (--teacher) or for the whole school (--school), not both');
  let teacherId: string | null = null;
  if (value.teacher !== '') {
    const teacher = await findTeacher(db, value.teacher);
    if (!teacher) throw new Error(`No teacher ${value.teacher} on this server (flipside serve teachers add --email …)`);
    teacherId = teacher.id;
  }
  const [row] = await db.query<{ id: string }>(
    `INSERT INTO lti_platforms
       (id, name, issuer, client_id, auth_login_url, jwks_url, token_url, teacher_id, school_wide)
     VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9)
     ON CONFLICT (issuer, client_id) DO UPDATE SET
       name = CASE WHEN EXCLUDED.name = '' THEN lti_platforms.name ELSE EXCLUDED.name END,
       auth_login_url = EXCLUDED.auth_login_url, jwks_url = EXCLUDED.jwks_url, token_url = EXCLUDED.token_url,
       teacher_id = CASE WHEN EXCLUDED.school_wide THEN NULL
         ELSE coalesce(EXCLUDED.teacher_id, lti_platforms.teacher_id) END,
       school_wide = EXCLUDED.school_wide OR (lti_platforms.school_wide AND EXCLUDED.teacher_id IS NULL)
     RETURNING id`,
    [
      randomUUID(),
      value.name,
      value.issuer,
      value.clientId,
      value.authLoginUrl,
      value.jwksUrl,
      value.tokenUrl,
      teacherId,
      value.school,
    ],
  );
  if (!row) throw new Error('The platform could not be stored');
  for (const deployment of value.deployments)
    await db.query('INSERT INTO lti_deployments (platform_id, deployment_id) VALUES ($1, $2) ON CONFLICT DO NOTHING', [
      row.id,
      deployment,
    ]);
  const [stored] = await db.query<PlatformRow>(`${SELECT} WHERE p.id = $1`, [row.id]);
  if (!stored) throw new Error('The platform could not be read back');
  return platformOf(stored);
}

export async function listPlatforms(db: Queryable): Promise<Platform[]> {
  return (await db.query<PlatformRow>(`${SELECT} ORDER BY p.issuer, p.client_id`)).map(platformOf);
}

/**
 * The platform a login or launch names. Several registrations may share an issuer (one per client id); without a
 * client id the issuer must then be unambiguous.
 */
export async function findPlatform(
  db: Queryable,
  issuer: string,
  clientId: string | undefined,
): Promise<Platform | null> {
  const rows = await db.query<PlatformRow>(
    `${SELECT} WHERE p.issuer = $1 AND ($2::text IS NULL OR p.client_id = $2::text) ORDER BY p.created_at`,
    [issuer, clientId ?? null],
  );
  return rows.length === 1 && rows[0] ? platformOf(rows[0]) : null;
}

export async function findPlatformById(db: Queryable, id: string): Promise<Platform | null> {
  const [row] = await db.query<PlatformRow>(`${SELECT} WHERE p.id = $1`, [id]);
  return row ? platformOf(row) : null;
}

/** Removes a registration and everything its launches made known (learners stay, with their records). */
export async function removePlatform(db: Queryable, issuer: string, clientId: string): Promise<boolean> {
  const rows = await db.query<{ id: string }>(
    'DELETE FROM lti_platforms WHERE issuer = $1 AND client_id = $2 RETURNING id',
    [issuer, clientId],
  );
  return rows.length > 0;
}
