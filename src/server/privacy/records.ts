import type { Queryable } from '../db/database';
import { HttpError } from '../http/errors';

interface RecordRow {
  class_id: string;
  class_name: string;
  learner_id: string;
  learner_name: string;
  joined_ms: number;
  lesson_title: string | null;
  kind: string | null;
  client_at: string | number | null;
  data: Record<string, unknown> | null;
}

export interface ExportedRecords {
  readonly exportedAt: string;
  readonly learners: {
    id: string;
    name: string;
    className: string;
    joinedAt: string;
    events: { lesson: string; kind: string; at: string; data: Record<string, unknown> }[];
  }[];
}

/** Everything stored about a class's learners (or one learner), for the teacher alone: another teacher's is unknown. */
export async function exportRecords(
  db: Queryable,
  teacherId: string,
  target: { classId?: string | undefined; learnerId?: string | undefined },
): Promise<ExportedRecords> {
  const rows = await db.query<RecordRow>(
    `SELECT c.id AS class_id, c.name AS class_name, l.id AS learner_id, l.display_name AS learner_name,
       (extract(epoch FROM l.created_at) * 1000)::float8 AS joined_ms,
       le.title AS lesson_title, e.kind, e.client_at, e.data
     FROM learners l
     JOIN classes c ON c.id = l.class_id
     LEFT JOIN events e ON e.learner_id = l.id
     LEFT JOIN lessons le ON le.id = e.lesson_id
     WHERE c.teacher_id = $1 AND ($2::uuid IS NULL OR c.id = $2::uuid) AND ($3::uuid IS NULL OR l.id = $3::uuid)
     ORDER BY lower(l.display_name), l.id, e.client_at, e.id`,
    [teacherId, target.classId ?? null, target.learnerId ?? null],
  );
  if (rows.length === 0) {
    const [owned] = await db.query<{ n: number }>(
      `SELECT count(*)::int AS n FROM classes c WHERE c.teacher_id = $1 AND c.id = $2::uuid`,
      [teacherId, target.classId ?? null],
    );
    if (!owned || owned.n === 0) throw new HttpError('not_found', 'No class or learner of yours has this id');
  }
  const learners = new Map<string, ExportedRecords['learners'][number]>();
  for (const row of rows) {
    let learner = learners.get(row.learner_id);
    if (!learner) {
      learner = {
        id: row.learner_id,
        name: row.learner_name,
        className: row.class_name,
        joinedAt: new Date(Math.round(row.joined_ms)).toISOString(),
        events: [],
      };
      learners.set(row.learner_id, learner);
    }
    if (row.kind !== null && row.client_at !== null)
      learner.events.push({
        lesson: row.lesson_title ?? '',
        kind: row.kind,
        at: new Date(Number(row.client_at)).toISOString(),
        data: row.data ?? {},
      });
  }
  return { exportedAt: new Date().toISOString(), learners: [...learners.values()] };
}

/** A spreadsheet cell: quoted, and a leading = + - @ defused so a name cannot run as a formula (CSV injection). */
function cell(value: string): string {
  const safe = /^[=+\-@\t\r]/.test(value) ? `'${value}` : value;
  return `"${safe.replace(/"/g, '""')}"`;
}

export function recordsToCsv(records: ExportedRecords): string {
  const lines = [
    ['class', 'learner', 'learner_id', 'joined', 'lesson', 'event', 'time', 'details'].map(cell).join(','),
  ];
  for (const learner of records.learners) {
    const base = [learner.className, learner.name, learner.id, learner.joinedAt];
    if (learner.events.length === 0) lines.push([...base, '', '', '', ''].map(cell).join(','));
    for (const event of learner.events)
      lines.push([...base, event.lesson, event.kind, event.at, JSON.stringify(event.data)].map(cell).join(','));
  }
  return `${lines.join('\r\n')}\r\n`;
}

/** Deletes one learner of the teacher's classes with everything they did. */
export async function deleteLearner(db: Queryable, teacherId: string, learnerId: string): Promise<number> {
  const [row] = await db.query<{ events: number; learners: number }>(
    `WITH gone AS (
       DELETE FROM learners WHERE id = $1 AND class_id IN (SELECT id FROM classes WHERE teacher_id = $2) RETURNING id
     )
     SELECT (SELECT count(*)::int FROM events WHERE learner_id IN (SELECT id FROM gone)) AS events,
            (SELECT count(*)::int FROM gone) AS learners`,
    [learnerId, teacherId],
  );
  if (!row || row.learners === 0) throw new HttpError('not_found', 'No learner of yours has this id');
  return row.events;
}

/** Retention: learners with no activity for `days` are deleted with their records. Returns how many. */
export async function deleteExpired(db: Queryable, days: number): Promise<number> {
  const rows = await db.query<{ id: string }>(
    `DELETE FROM learners l
     WHERE greatest(l.created_at, coalesce((SELECT max(r.last_activity_at) FROM runs r WHERE r.learner_id = l.id), l.created_at))
           < now() - make_interval(days => $1::int)
     RETURNING l.id`,
    [days],
  );
  return rows.length;
}
