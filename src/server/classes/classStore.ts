import { randomBytes, randomUUID } from 'node:crypto';
import { joinCodeFrom } from '@shared/classServer/codes';
import type { ClassSummary } from '@shared/classServer/results';
import type { Queryable } from '../db/database';
import { HttpError } from '../http/errors';

interface ClassRow {
  id: string;
  name: string;
  join_code: string;
  learner_count: number;
  created_ms: number;
}

const CLASS_COLUMNS = `c.id, c.name, c.join_code, (extract(epoch FROM c.created_at) * 1000)::float8 AS created_ms,
  (SELECT count(*)::int FROM learners l WHERE l.class_id = c.id) AS learner_count`;

function summaryOf(row: ClassRow): ClassSummary {
  return {
    id: row.id,
    name: row.name,
    joinCode: row.join_code,
    learnerCount: row.learner_count,
    createdAt: Math.round(row.created_ms),
  };
}

export async function createClass(db: Queryable, teacherId: string, name: string): Promise<ClassSummary> {
  // 30^6 codes: a clash is rare, and the unique index catches it; a few tries always find a free one.
  for (let attempt = 0; attempt < 5; attempt += 1) {
    const rows = await db.query<{ id: string }>(
      'INSERT INTO classes (id, teacher_id, name, join_code) VALUES ($1, $2, $3, $4) ON CONFLICT (join_code) DO NOTHING RETURNING id',
      [randomUUID(), teacherId, name, joinCodeFrom((count) => randomBytes(count))],
    );
    const id = rows[0]?.id;
    if (id) {
      const [row] = await db.query<ClassRow>(`SELECT ${CLASS_COLUMNS} FROM classes c WHERE c.id = $1`, [id]);
      if (row) return summaryOf(row);
    }
  }
  throw new Error('No free join code was found');
}

export async function listClasses(db: Queryable, teacherId: string): Promise<ClassSummary[]> {
  const rows = await db.query<ClassRow>(
    `SELECT ${CLASS_COLUMNS} FROM classes c WHERE c.teacher_id = $1 ORDER BY lower(c.name), c.created_at`,
    [teacherId],
  );
  return rows.map(summaryOf);
}

/** Deletes the class with its learners and everything they did; another teacher's class is reported as unknown. */
export async function deleteClass(db: Queryable, teacherId: string, classId: string): Promise<number> {
  const [row] = await db.query<{ learners: number; classes: number }>(
    `WITH gone AS (DELETE FROM classes WHERE id = $1 AND teacher_id = $2 RETURNING id)
     SELECT (SELECT count(*)::int FROM learners WHERE class_id IN (SELECT id FROM gone)) AS learners,
            (SELECT count(*)::int FROM gone) AS classes`,
    [classId, teacherId],
  );
  if (!row || row.classes === 0) throw new HttpError('not_found', 'No class of yours has this id');
  return row.learners;
}

export interface ClassByCode {
  readonly id: string;
  readonly teacherId: string;
  readonly name: string;
}

export async function findClassByCode(db: Queryable, code: string): Promise<ClassByCode | null> {
  const [row] = await db.query<{ id: string; teacher_id: string; name: string }>(
    'SELECT id, teacher_id, name FROM classes WHERE join_code = $1',
    [code],
  );
  return row ? { id: row.id, teacherId: row.teacher_id, name: row.name } : null;
}
