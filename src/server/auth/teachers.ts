import { randomUUID } from 'node:crypto';
import { z } from 'zod';
import type { Queryable } from '../db/database';
import { HttpError } from '../http/errors';
import { bearerOf, hashSecret, newTeacherToken } from './tokens';

export interface Teacher {
  readonly id: string;
  readonly email: string;
  readonly name: string;
}

export const emailSchema = z.email({ error: 'Give an email address, such as ada@school.example' });

/** Adds a teacher (or finds them by email) and gives them a new token, returned once and stored hashed. */
export async function addTeacher(
  db: Queryable,
  email: string,
  name = '',
): Promise<{ teacher: Teacher; token: string }> {
  const address = emailSchema.parse(email.trim());
  await db.query('INSERT INTO teachers (id, email, name) VALUES ($1, $2, $3) ON CONFLICT DO NOTHING', [
    randomUUID(),
    address,
    name.trim(),
  ]);
  const teacher = await findTeacher(db, address);
  if (!teacher) throw new Error(`The teacher ${address} could not be stored`);
  const token = newTeacherToken();
  await db.query('INSERT INTO teacher_tokens (id, teacher_id, token_hash) VALUES ($1, $2, $3)', [
    randomUUID(),
    teacher.id,
    hashSecret(token),
  ]);
  return { teacher, token };
}

export async function findTeacher(db: Queryable, email: string): Promise<Teacher | null> {
  const [row] = await db.query<Teacher>('SELECT id, email, name FROM teachers WHERE lower(email) = lower($1)', [email]);
  return row ?? null;
}

/** Every token of the teacher stops working at once; they need `teachers add` again for a new one. */
export async function revokeTokens(db: Queryable, email: string): Promise<number> {
  const rows = await db.query<{ id: string }>(
    `UPDATE teacher_tokens SET revoked_at = now()
     WHERE revoked_at IS NULL AND teacher_id = (SELECT id FROM teachers WHERE lower(email) = lower($1))
     RETURNING id`,
    [email],
  );
  return rows.length;
}

export async function listTeachers(
  db: Queryable,
): Promise<(Teacher & { activeTokens: number; lessons: number; classes: number })[]> {
  return db.query(
    `SELECT t.id, t.email, t.name,
       (SELECT count(*)::int FROM teacher_tokens k WHERE k.teacher_id = t.id AND k.revoked_at IS NULL) AS "activeTokens",
       (SELECT count(*)::int FROM lessons l WHERE l.teacher_id = t.id) AS lessons,
       (SELECT count(*)::int FROM classes c WHERE c.teacher_id = t.id) AS classes
     FROM teachers t ORDER BY lower(t.email)`,
  );
}

/** The teacher a request's bearer token belongs to; a missing, unknown or revoked token is refused alike. */
export async function authenticateTeacher(db: Queryable, authorization: string | undefined): Promise<Teacher> {
  const token = bearerOf(authorization);
  if (!token?.startsWith('fst_'))
    throw new HttpError('unauthorized', 'Sign in with a teacher token (Authorization: Bearer fst_…)');
  const [row] = await db.query<Teacher>(
    `UPDATE teacher_tokens k SET last_used_at = now()
     FROM teachers t
     WHERE k.token_hash = $1 AND k.revoked_at IS NULL AND t.id = k.teacher_id
     RETURNING t.id, t.email, t.name`,
    [hashSecret(token)],
  );
  if (!row) throw new HttpError('unauthorized', 'This teacher token is not valid or was revoked');
  return row;
}
