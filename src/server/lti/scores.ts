import { gradebookScore } from '@shared/classServer/gradebookScore';
import type { LessonSummary } from '@shared/classServer/lessonSummary';
import type { AnswerResponse } from '@shared/classServer/events';
import type { Queryable } from '../db/database';
import type { LtiLaunch } from './claims';
import type { Platform } from './platforms';

/**
 * Remembers that a learner's run of a lesson reports to a platform's line item (the link's gradebook column, from the
 * launch's AGS endpoint claim), under the platform's id for the user.
 */
export async function addScoreTarget(
  db: Queryable,
  target: { learnerId: string; lessonId: string; platform: Platform; launch: LtiLaunch },
): Promise<void> {
  if (target.launch.lineitem === null) return;
  await db.query(
    `INSERT INTO lti_score_targets (learner_id, lesson_id, platform_id, lineitem, sub) VALUES ($1, $2, $3, $4, $5)
     ON CONFLICT (learner_id, lesson_id, lineitem) DO UPDATE SET sub = EXCLUDED.sub, platform_id = EXCLUDED.platform_id`,
    [target.learnerId, target.lessonId, target.platform.id, target.launch.lineitem, target.launch.sub],
  );
}

interface TargetRow {
  lineitem: string;
  progress: number;
  completion: 'completed' | 'incomplete' | null;
  score_raw: number | null;
  score_max: number | null;
  attempts: [string, string | number, boolean, AnswerResponse][] | null;
  summary: LessonSummary;
}

/**
 * The state changed for a line item: stored as sent-to-be, and an outbox row with the score. Older unsent rows for the
 * same column are dropped (the newer state replaces them) unless one is being posted right now; the claim keeps order.
 * One statement, so two processes ingesting at once queue a state once.
 */
const QUEUE = `
  WITH changed AS (
    UPDATE lti_score_targets SET last_state = $4
    WHERE learner_id = $1 AND lesson_id = $2 AND lineitem = $3 AND last_state IS DISTINCT FROM $4
    RETURNING learner_id, platform_id, lineitem, sub
  ),
  superseded AS (
    DELETE FROM lti_score_outbox o USING changed c
    WHERE o.learner_id = c.learner_id AND o.lineitem = c.lineitem
      AND (o.claimed_until IS NULL OR o.claimed_until < $5)
  )
  INSERT INTO lti_score_outbox (learner_id, platform_id, lineitem, score, next_at)
  SELECT learner_id, platform_id, lineitem, $6::jsonb || jsonb_build_object('userId', sub), $5 FROM changed
  RETURNING id`;

/**
 * Queues the run's gradebook score for every line item it reports to, when it differs from the last one queued
 * there: never the same state twice. Answers how many were queued.
 */
export async function queueScores(db: Queryable, learnerId: string, lessonId: string, now: number): Promise<number> {
  const targets = await db.query<TargetRow>(
    `SELECT t.lineitem, r.progress, r.completion, r.score_raw, r.score_max, r.attempts, v.summary
     FROM lti_score_targets t
       JOIN runs r ON r.learner_id = t.learner_id AND r.lesson_id = t.lesson_id
       JOIN lesson_versions v ON v.lesson_id = r.lesson_id AND v.version = r.version
     WHERE t.learner_id = $1 AND t.lesson_id = $2`,
    [learnerId, lessonId],
  );
  let queued = 0;
  for (const target of targets) {
    const score = gradebookScore(
      {
        progress: target.progress,
        completion: target.completion,
        scoreRaw: target.score_raw,
        scoreMax: target.score_max,
        attempts: (target.attempts ?? []).map(([checkpointId, at, correct, response]) => ({
          checkpointId,
          at: Number(at),
          correct,
          response,
        })),
      },
      target.summary.questions.map((question) => question.id),
    );
    const rows = await db.query<{ id: string }>(QUEUE, [
      learnerId,
      lessonId,
      target.lineitem,
      JSON.stringify(score),
      now,
      JSON.stringify({ ...score, timestamp: new Date(now).toISOString() }),
    ]);
    queued += rows.length;
  }
  return queued;
}
