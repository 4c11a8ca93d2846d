import type { AnswerResponse } from '@shared/classServer/events';
import type { ClassResults, LearnerResult } from '@shared/classServer/results';
import { withRoster } from '@shared/classServer/roster';
import { summarizeViewing, type PlayedSpan } from '@shared/classServer/viewing';
import type { Teacher } from '../auth/teachers';
import { listClasses } from '../classes/classStore';
import type { Queryable } from '../db/database';
import { HttpError } from '../http/errors';
import { teacherLessons } from '../lessons/lessonStore';
import { rosterEntries } from '../lti/roster';

interface LearnerRunRow {
  id: string;
  display_name: string;
  class_id: string;
  joined_ms: number;
  version: number | null;
  started_ms: number | null;
  last_ms: number | null;
  progress: number | null;
  location_ms: number | null;
  completion: 'completed' | 'incomplete' | null;
  success: 'passed' | 'failed' | 'unknown' | null;
  score_raw: number | null;
  score_max: number | null;
  score_scaled: number | null;
  pauses: number | null;
  seeks: number | null;
  /** Flat (from, to, rate) triples. */
  spans: number[] | null;
  /** [checkpointId, at, correct, response] per attempt. */
  attempts: [string, string | number, boolean, AnswerResponse][] | null;
}

function spansOf(flat: readonly number[]): PlayedSpan[] {
  const spans: PlayedSpan[] = [];
  for (let index = 0; index + 2 < flat.length; index += 3)
    spans.push({ fromMs: flat[index] ?? 0, toMs: flat[index + 1] ?? 0, rate: flat[index + 2] ?? 1 });
  return spans;
}

const ms = (value: number | null) => Math.round(value ?? 0);

/**
 * One lesson's results for its teacher: every learner of their classes (or of one class), with what each did: one
 * row per learner (their run carries its spans and attempts), and the viewing record boiled down here so the answer
 * stays small. An LMS course's class also lists, as not started, the learners on its stored roster who never
 * launched.
 */
export async function classResults(
  db: Queryable,
  teacher: Teacher,
  publicUrl: string,
  lessonId: string,
  classId: string | undefined,
  now: number,
): Promise<ClassResults> {
  const [lesson] = await teacherLessons(db, teacher.id, publicUrl, lessonId);
  if (!lesson) throw new HttpError('not_found', 'No lesson of yours has this id');
  const classes = (await listClasses(db, teacher.id)).filter(
    (summary) => classId === undefined || summary.id === classId,
  );
  if (classId !== undefined && classes.length === 0) throw new HttpError('not_found', 'No class of yours has this id');
  const classIds = classes.map((summary) => summary.id);
  const rows = await db.query<LearnerRunRow>(
    `SELECT l.id, l.display_name, l.class_id, (extract(epoch FROM l.created_at) * 1000)::float8 AS joined_ms,
       r.version, (extract(epoch FROM r.started_at) * 1000)::float8 AS started_ms,
       (extract(epoch FROM r.last_activity_at) * 1000)::float8 AS last_ms,
       r.progress, r.location_ms, r.completion, r.success, r.score_raw, r.score_max, r.score_scaled, r.pauses, r.seeks,
       r.spans, r.attempts
     FROM learners l LEFT JOIN runs r ON r.learner_id = l.id AND r.lesson_id = $1
     WHERE l.class_id = ANY($2::uuid[])
     ORDER BY lower(l.display_name), l.created_at`,
    [lessonId, classIds],
  );
  const learners: LearnerResult[] = rows.map((row) => ({
    id: row.id,
    name: row.display_name,
    classId: row.class_id,
    joinedAt: ms(row.joined_ms),
    run:
      row.version === null
        ? null
        : {
            version: row.version,
            startedAt: ms(row.started_ms),
            lastActivityAt: ms(row.last_ms),
            progress: Math.min(1, Math.max(0, row.progress ?? 0)),
            completion: row.completion,
            success: row.success,
            score:
              row.score_raw === null || row.score_max === null || row.score_scaled === null
                ? null
                : { raw: row.score_raw, max: row.score_max, scaled: row.score_scaled },
            viewing: summarizeViewing({
              spans: spansOf(row.spans ?? []),
              pauses: row.pauses ?? 0,
              seeks: row.seeks ?? 0,
              furthestMs: row.location_ms ?? 0,
            }),
            attempts: (row.attempts ?? [])
              .map(([checkpointId, at, correct, response]) => ({ checkpointId, at: Number(at), correct, response }))
              .sort((a, b) => a.at - b.at),
          },
  }));
  return {
    lesson,
    classes,
    learners: withRoster(learners, await rosterEntries(db, lessonId, classIds)),
    generatedAt: now,
  };
}
