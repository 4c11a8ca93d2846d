import { randomUUID } from 'node:crypto';
import { isJoinCode, learnerNameKey, learnerNameSchema, normalizeJoinCode } from '@shared/classServer/codes';
import { hashSecret, newLearnerSecret, SESSION_TTL_MS, signSession } from '../auth/tokens';
import { findClassByCode } from '../classes/classStore';
import type { ServerDatabase } from '../db/database';
import { HttpError } from '../http/errors';
import type { PlayableVersion } from '../lessons/lessonStore';

export interface Joined {
  readonly learnerId: string;
  readonly classId: string;
  readonly name: string;
  /** Set only when the learner is new: the secret the browser keeps to come back as them. */
  readonly secret: string | null;
  readonly session: string;
  readonly version: number;
}

interface LearnerRow {
  id: string;
  class_id: string;
  display_name: string;
  secret_hash: string;
}

/**
 * A learner joins a lesson with their class's code and their name. A name already taken in the class is theirs only
 * if this browser holds that learner's secret (`known`): otherwise anyone who knew a classmate's name could read and
 * change their record.
 */
export async function join(
  db: ServerDatabase,
  key: Buffer,
  lesson: PlayableVersion,
  input: { code: string; name: string; known: readonly string[] },
  now: number,
): Promise<Joined> {
  const code = normalizeJoinCode(input.code);
  const parsedName = learnerNameSchema.safeParse(input.name);
  if (!parsedName.success)
    throw new HttpError('invalid_input', parsedName.error.issues[0]?.message ?? 'Type your name');
  const found = isJoinCode(code) ? await findClassByCode(db, code) : null;
  if (!found || found.teacherId !== lesson.teacherId)
    throw new HttpError('not_found', 'That class code is not right for this lesson. Check it with your teacher.');
  const name = parsedName.data;
  const nameKey = learnerNameKey(name);
  const [existing] = await db.query<LearnerRow>(
    'SELECT id, class_id, display_name, secret_hash FROM learners WHERE class_id = $1 AND name_key = $2',
    [found.id, nameKey],
  );
  if (existing) {
    if (!input.known.some((secret) => hashSecret(secret) === existing.secret_hash))
      throw new HttpError(
        'conflict',
        `Someone in ${found.name} has already joined as “${existing.display_name}”. If that is you on another ` +
          'device, go back to the device you used first, or add your surname’s first letter (such as “Sam B.”).',
      );
    return enter(db, key, lesson, existing, null, now);
  }
  const secret = newLearnerSecret();
  const id = randomUUID();
  const inserted = await db.query<LearnerRow>(
    `INSERT INTO learners (id, class_id, display_name, name_key, secret_hash) VALUES ($1, $2, $3, $4, $5)
     ON CONFLICT (class_id, name_key) DO NOTHING RETURNING id, class_id, display_name, secret_hash`,
    [id, found.id, name, nameKey, hashSecret(secret)],
  );
  const learner = inserted[0];
  // Two browsers joining with one name at the same instant: the second is told the name is taken.
  if (!learner) throw new HttpError('conflict', `Someone in ${found.name} has just joined as “${name}”. Try again.`);
  return enter(db, key, lesson, learner, secret, now);
}

/** The learners this browser already is, among the lesson teacher's classes: offered as "Continue as …". */
export async function knownLearners(
  db: ServerDatabase,
  lesson: PlayableVersion,
  secrets: readonly string[],
): Promise<{ id: string; name: string; className: string; secret: string }[]> {
  if (secrets.length === 0) return [];
  const bySecret = new Map(secrets.map((secret) => [hashSecret(secret), secret]));
  const rows = await db.query<{ id: string; display_name: string; class_name: string; secret_hash: string }>(
    `SELECT l.id, l.display_name, c.name AS class_name, l.secret_hash
     FROM learners l JOIN classes c ON c.id = l.class_id
     WHERE l.secret_hash = ANY($1::text[]) AND c.teacher_id = $2 ORDER BY c.name`,
    [[...bySecret.keys()], lesson.teacherId],
  );
  return rows.map((row) => ({
    id: row.id,
    name: row.display_name,
    className: row.class_name,
    secret: bySecret.get(row.secret_hash) ?? '',
  }));
}

export async function continueAs(
  db: ServerDatabase,
  key: Buffer,
  lesson: PlayableVersion,
  learnerId: string,
  secrets: readonly string[],
  now: number,
): Promise<Joined> {
  const known = await knownLearners(db, lesson, secrets);
  const mine = known.find((learner) => learner.id === learnerId);
  if (!mine)
    throw new HttpError('forbidden', 'This browser cannot continue as that learner; join with your class code.');
  const [row] = await db.query<LearnerRow>(
    'SELECT id, class_id, display_name, secret_hash FROM learners WHERE id = $1',
    [learnerId],
  );
  if (!row) throw new HttpError('gone', 'That learner was removed by the teacher.');
  return enter(db, key, lesson, row, null, now);
}

/** Opens the lesson for a learner already known by other means (an LTI launch): their run and a session. */
export function enterAs(
  db: ServerDatabase,
  key: Buffer,
  lesson: PlayableVersion,
  learner: { id: string; classId: string; name: string },
  now: number,
): Promise<Joined> {
  return enter(
    db,
    key,
    lesson,
    { id: learner.id, class_id: learner.classId, display_name: learner.name, secret_hash: '' },
    null,
    now,
  );
}

/**
 * Starts (or picks up) the learner's run of the lesson. A run in progress stays on the version it started with, so
 * re-publishing never moves a learner mid-lesson; a finished run moves on to the newest version.
 */
async function enter(
  db: ServerDatabase,
  key: Buffer,
  lesson: PlayableVersion,
  learner: LearnerRow,
  secret: string | null,
  now: number,
): Promise<Joined> {
  const [run] = await db.query<{ version: number }>(
    `INSERT INTO runs (learner_id, lesson_id, version) VALUES ($1, $2, $3)
     ON CONFLICT (learner_id, lesson_id) DO UPDATE
       SET version = CASE WHEN runs.completion = 'completed' THEN EXCLUDED.version ELSE runs.version END
     RETURNING version`,
    [learner.id, lesson.lessonId, lesson.version],
  );
  const version = run?.version ?? lesson.version;
  return {
    learnerId: learner.id,
    classId: learner.class_id,
    name: learner.display_name,
    secret,
    version,
    session: signSession(key, {
      learnerId: learner.id,
      lessonId: lesson.lessonId,
      version,
      expiresAt: now + SESSION_TTL_MS,
    }),
  };
}
