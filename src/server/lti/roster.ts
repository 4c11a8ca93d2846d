import type { RosterEntry } from '@shared/classServer/roster';
import type { Queryable, ServerDatabase } from '../db/database';
import { isRosterLearner, personName } from './claims';
import { standInName } from './enrol';
import { fetchMemberships, type RosterMember } from './memberships';
import { findPlatformById } from './platforms';
import type { ServiceTokens } from './serviceToken';

/** A link's roster is asked for at most this often, however many instructors open or refresh its results. */
export const ROSTER_REFRESH_MS = 5 * 60_000;

/** How fresh the rosters behind a page are: when last read, and why the last try failed (null: it did not). */
export interface RosterState {
  readonly fetchedAt: number | null;
  readonly error: string | null;
}

interface ClaimedLink {
  platform_id: string;
  deployment_id: string;
  resource_link_id: string;
  memberships_url: string;
}

/**
 * Claims the links to a lesson in a class whose roster is due: one UPDATE, so of several processes (or page loads)
 * at once only one asks the platform, and a platform that failed is asked again only after the same pause.
 */
const CLAIM = `
  UPDATE lti_resource_links SET roster_tried_at = $3
  WHERE lesson_id = $1 AND class_id = $2 AND memberships_url IS NOT NULL
    AND (roster_tried_at IS NULL OR roster_tried_at <= $4)
  RETURNING platform_id, deployment_id, resource_link_id, memberships_url`;

/** The whole roster of a link replaced in one transaction: a reader sees the old one or the new one, never a mix. */
async function storeRoster(db: ServerDatabase, link: ClaimedLink, members: RosterMember[], now: number) {
  const key = [link.platform_id, link.deployment_id, link.resource_link_id];
  await db.transaction(async (tx) => {
    await tx.query(
      'DELETE FROM lti_roster_members WHERE platform_id = $1 AND deployment_id = $2 AND resource_link_id = $3',
      key,
    );
    await tx.query(
      `INSERT INTO lti_roster_members
         (platform_id, deployment_id, resource_link_id, sub, name, given_name, family_name, email, roles, status)
       SELECT $1, $2, $3, m.user_id, m.name, m.given_name, m.family_name, m.email, m.roles, m.status
       FROM jsonb_to_recordset($4::jsonb) AS m(user_id text, name text, given_name text, family_name text,
         email text, roles jsonb, status text)`,
      [...key, JSON.stringify(members)],
    );
    await tx.query(
      `UPDATE lti_resource_links SET roster_fetched_at = $4, roster_error = NULL
       WHERE platform_id = $1 AND deployment_id = $2 AND resource_link_id = $3`,
      [...key, now],
    );
  });
}

/**
 * Reads again, from the course's LMS, the rosters of the links that open a lesson in a class (NRPS 2.0, each link
 * asking only for who can open it), when they are due. A platform that is down or refuses leaves the roster it gave
 * last in place, and the reason is kept for the page to say. Answers the state of those rosters.
 */
export async function refreshRosters(
  db: ServerDatabase,
  tokens: ServiceTokens,
  target: { lessonId: string; classId: string },
  now: number,
  log: (line: string) => void,
): Promise<RosterState> {
  const due = await db.query<ClaimedLink>(CLAIM, [target.lessonId, target.classId, now, now - ROSTER_REFRESH_MS]);
  for (const link of due) {
    try {
      const platform = await findPlatformById(db, link.platform_id);
      if (!platform) continue;
      const members = await fetchMemberships(tokens, platform, link.memberships_url, { rlid: link.resource_link_id });
      await storeRoster(db, link, members, now);
    } catch (error) {
      const message = error instanceof Error ? error.message : String(error);
      log(`flipside serve: the roster of ${link.memberships_url} was not read: ${message}`);
      await db.query(
        `UPDATE lti_resource_links SET roster_error = $4
         WHERE platform_id = $1 AND deployment_id = $2 AND resource_link_id = $3`,
        [link.platform_id, link.deployment_id, link.resource_link_id, message.slice(0, 500)],
      );
    }
  }
  const [state] = await db.query<{ fetched_at: string | null; error: string | null }>(
    `SELECT min(roster_fetched_at) AS fetched_at, max(roster_error) AS error FROM lti_resource_links
     WHERE lesson_id = $1 AND class_id = $2 AND memberships_url IS NOT NULL`,
    [target.lessonId, target.classId],
  );
  return {
    fetchedAt: state?.fetched_at == null ? null : Number(state.fetched_at),
    error: state?.error ?? null,
  };
}

interface MemberRow {
  platform_id: string;
  sub: string;
  name: string | null;
  given_name: string | null;
  family_name: string | null;
  roles: string[];
  status: 'Active' | 'Inactive' | 'Deleted';
  class_id: string;
  listed_at: string;
  learner_id: string | null;
}

/**
 * The stored roster members of the links that open a lesson in these classes, each with the learner they already
 * are in that class (by the platform's user id), for `withRoster`.
 */
export async function rosterEntries(
  db: Queryable,
  lessonId: string,
  classIds: readonly string[],
): Promise<RosterEntry[]> {
  const rows = await db.query<MemberRow>(
    `SELECT m.platform_id, m.sub, m.name, m.given_name, m.family_name, m.roles, m.status, k.class_id,
       k.roster_fetched_at AS listed_at, x.learner_id
     FROM lti_roster_members m
       JOIN lti_resource_links k
         ON k.platform_id = m.platform_id AND k.deployment_id = m.deployment_id
           AND k.resource_link_id = m.resource_link_id
       LEFT JOIN lti_learners x ON x.platform_id = m.platform_id AND x.sub = m.sub AND x.class_id = k.class_id
     WHERE k.lesson_id = $1 AND k.class_id = ANY($2::uuid[])`,
    [lessonId, classIds],
  );
  return rows.map((row) => ({
    classId: row.class_id,
    sub: row.sub,
    name:
      personName(row.name ?? undefined, row.given_name ?? undefined, row.family_name ?? undefined) ??
      standInName(row.platform_id, row.sub),
    learner: isRosterLearner(row.roles),
    active: row.status === 'Active',
    learnerId: row.learner_id,
    listedAt: Number(row.listed_at),
  }));
}
