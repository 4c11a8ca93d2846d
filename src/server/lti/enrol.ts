import { randomUUID } from 'node:crypto';
import { hashSecret, newLearnerSecret } from '../auth/tokens';
import { createClass } from '../classes/classStore';
import type { Queryable } from '../db/database';
import type { LtiLaunch } from './claims';
import type { Platform } from './platforms';

const CLASS_NAME_MAX = 100;

/**
 * The class an LTI context is, for the teacher whose lesson was launched: made at the first launch, named after the
 * course. Two first launches at once both make a class; the one whose mapping is stored wins and the other is
 * removed, so a context never splits in two.
 */
export async function contextClass(
  db: Queryable,
  platform: Platform,
  launch: LtiLaunch,
  teacherId: string,
): Promise<string> {
  const contextId = launch.context?.id ?? `resource-link:${launch.resourceLink.id}`;
  const find = async () =>
    (
      await db.query<{ class_id: string }>(
        `SELECT class_id FROM lti_contexts
         WHERE platform_id = $1 AND deployment_id = $2 AND context_id = $3 AND teacher_id = $4`,
        [platform.id, launch.deploymentId, contextId, teacherId],
      )
    )[0]?.class_id;
  const existing = await find();
  if (existing) return existing;
  const title = launch.context?.title || launch.resourceLink.title || 'Course';
  const made = await createClass(
    db,
    teacherId,
    `${title} (${platform.name || new URL(platform.issuer).host})`.slice(0, CLASS_NAME_MAX),
  );
  const stored = await db.query<{ class_id: string }>(
    `INSERT INTO lti_contexts (platform_id, deployment_id, context_id, teacher_id, class_id) VALUES ($1, $2, $3, $4, $5)
     ON CONFLICT DO NOTHING RETURNING class_id`,
    [platform.id, launch.deploymentId, contextId, teacherId, made.id],
  );
  if (stored[0]) return stored[0].class_id;
  await db.query('DELETE FROM classes WHERE id = $1', [made.id]);
  const winner = await find();
  if (!winner) throw new Error('The course’s class could not be stored');
  return winner;
}

/** What a user whose platform keeps their name private is called: the same at every launch and in the roster. */
export function standInName(platformId: string, sub: string): string {
  return `Learner ${hashSecret(`${platformId}\n${sub}`).slice(0, 6)}`;
}

/**
 * The learner a platform user is in a class, made at their first launch. Their name follows the platform's (it may
 * change, or be withheld: then a neutral stand-in). The learner row's name key and secret are unusable by the join
 * form, so nobody takes over an LMS learner with a class code.
 */
export async function ltiLearner(
  db: Queryable,
  platform: Platform,
  launch: LtiLaunch,
  classId: string,
): Promise<{ id: string; classId: string; name: string }> {
  const subKey = hashSecret(`${platform.id}\n${launch.sub}`);
  const [existing] = await db.query<{ learner_id: string; display_name: string }>(
    `SELECT x.learner_id, l.display_name FROM lti_learners x JOIN learners l ON l.id = x.learner_id
     WHERE x.platform_id = $1 AND x.sub = $2 AND x.class_id = $3`,
    [platform.id, launch.sub, classId],
  );
  const name = launch.name ?? existing?.display_name ?? standInName(platform.id, launch.sub);
  if (existing) {
    if (existing.display_name !== name)
      await db.query('UPDATE learners SET display_name = $1 WHERE id = $2', [name, existing.learner_id]);
    return { id: existing.learner_id, classId, name };
  }
  const id = randomUUID();
  // A name key no typed name can produce: learnerNameKey folds every line break into a space.
  const nameKey = `lti\n${subKey}`;
  await db.query(
    `INSERT INTO learners (id, class_id, display_name, name_key, secret_hash) VALUES ($1, $2, $3, $4, $5)
     ON CONFLICT (class_id, name_key) DO NOTHING`,
    [id, classId, name, nameKey, hashSecret(newLearnerSecret())],
  );
  const [learner] = await db.query<{ id: string }>('SELECT id FROM learners WHERE class_id = $1 AND name_key = $2', [
    classId,
    nameKey,
  ]);
  if (!learner) throw new Error('The learner could not be stored');
  await db.query(
    `INSERT INTO lti_learners (platform_id, sub, class_id, learner_id) VALUES ($1, $2, $3, $4) ON CONFLICT DO NOTHING`,
    [platform.id, launch.sub, classId, learner.id],
  );
  return { id: learner.id, classId, name };
}

/**
 * Which lesson and class a resource link opens: what an instructor's launch shows the results of; and where its
 * course's roster is read, as the latest launch says (a platform that stopped offering the roster is not asked).
 */
export async function recordResourceLink(
  db: Queryable,
  platform: Platform,
  launch: LtiLaunch,
  lessonId: string,
  classId: string,
): Promise<void> {
  await db.query(
    `INSERT INTO lti_resource_links
       (platform_id, deployment_id, resource_link_id, lesson_id, class_id, title, memberships_url)
     VALUES ($1, $2, $3, $4, $5, $6, $7)
     ON CONFLICT (platform_id, deployment_id, resource_link_id) DO UPDATE
       SET lesson_id = EXCLUDED.lesson_id, class_id = EXCLUDED.class_id, title = EXCLUDED.title,
         memberships_url = EXCLUDED.memberships_url`,
    [
      platform.id,
      launch.deploymentId,
      launch.resourceLink.id,
      lessonId,
      classId,
      launch.resourceLink.title,
      launch.membershipsUrl,
    ],
  );
}
