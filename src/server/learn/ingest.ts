import type { EventBatchResult, LearnerEvent } from '@shared/classServer/events';
import type { SessionClaims } from '../auth/tokens';
import type { ServerDatabase } from '../db/database';
import { HttpError } from '../http/errors';

const FOREIGN_KEY_VIOLATION = '23503';

/**
 * One statement stores the batch and moves the run's summary: every event goes in (one resent is recognised by its
 * id and skipped), then the run takes what the new ones say, its spans and attempts growing by the new ones. Summary fields move only forward on the learner's clock
 * (`*_at`), so a batch that sat in an offline queue never overwrites newer progress. One statement is one round
 * trip and atomic by itself; under load that is most of the cost.
 */
const INGEST = `
  WITH inserted AS (
    INSERT INTO events (id, learner_id, lesson_id, kind, client_at, data)
    SELECT e.id, $1, $2, e.kind, e.at, e.data
    FROM unnest($3::uuid[], $4::text[], $5::bigint[], $6::jsonb[]) AS e(id, kind, at, data)
    ON CONFLICT (id) DO NOTHING
    RETURNING id, kind, client_at, data
  ),
  watched AS (
    SELECT coalesce(array_agg(u.v ORDER BY i.client_at, i.id, u.o), '{}') AS spans
    FROM inserted i,
      LATERAL unnest(ARRAY[(i.data->>'fromMs')::float8, (i.data->>'toMs')::float8, (i.data->>'rate')::float8])
        WITH ORDINALITY AS u(v, o)
    WHERE i.kind = 'watched'
  ),
  answered AS (
    SELECT coalesce(
      jsonb_agg(jsonb_build_array(i.data->'checkpointId', i.client_at, i.data->'correct', i.data->'response')
        ORDER BY i.client_at, i.id),
      '[]') AS attempts
    FROM inserted i WHERE i.kind = 'answer'
  ),
  progress AS (SELECT client_at + 1 AS at, data FROM inserted WHERE kind = 'progress' ORDER BY client_at DESC LIMIT 1),
  score AS (SELECT client_at + 1 AS at, data FROM inserted WHERE kind = 'score' ORDER BY client_at DESC LIMIT 1),
  done AS (SELECT client_at + 1 AS at, data FROM inserted WHERE kind = 'completion' ORDER BY client_at DESC LIMIT 1),
  counts AS (
    SELECT count(*) AS n, max(client_at) AS last,
      count(*) FILTER (WHERE kind = 'paused') AS pauses, count(*) FILTER (WHERE kind = 'seeked') AS seeks
    FROM inserted
  ),
  summary AS (
    UPDATE runs r SET
      last_activity_at = greatest(r.last_activity_at, least(to_timestamp(c.last::float8 / 1000), now())),
      pauses = r.pauses + c.pauses,
      seeks = r.seeks + c.seeks,
      spans = r.spans || w.spans,
      attempts = r.attempts || a.attempts,
      progress = CASE WHEN p.at > r.state_at THEN (p.data->>'progress')::float8 ELSE r.progress END,
      location_ms = CASE WHEN p.at > r.state_at THEN (p.data->>'locationMs')::int ELSE r.location_ms END,
      state = CASE WHEN p.at > r.state_at THEN p.data->>'state' ELSE r.state END,
      state_at = greatest(r.state_at, coalesce(p.at, 0)),
      score_raw = CASE WHEN s.at > r.score_at THEN (s.data->>'raw')::float8 ELSE r.score_raw END,
      score_max = CASE WHEN s.at > r.score_at THEN (s.data->>'max')::float8 ELSE r.score_max END,
      score_scaled = CASE WHEN s.at > r.score_at THEN (s.data->>'scaled')::float8 ELSE r.score_scaled END,
      score_at = greatest(r.score_at, coalesce(s.at, 0)),
      completion = CASE WHEN d.at > r.completion_at THEN d.data->>'completion' ELSE r.completion END,
      success = CASE WHEN d.at > r.completion_at THEN d.data->>'success' ELSE r.success END,
      completion_at = greatest(r.completion_at, coalesce(d.at, 0))
    FROM counts c
      CROSS JOIN watched w
      CROSS JOIN answered a
      LEFT JOIN progress p ON true
      LEFT JOIN score s ON true
      LEFT JOIN done d ON true
    WHERE r.learner_id = $1 AND r.lesson_id = $2 AND c.n > 0
    RETURNING 1
  )
  SELECT (SELECT n FROM counts)::int AS accepted, (SELECT count(*) FROM summary)::int AS summarized,
    EXISTS (SELECT 1 FROM lti_score_targets t WHERE t.learner_id = $1 AND t.lesson_id = $2) AS graded`;

/**
 * Stores a batch of one learner's events; a learner the teacher deleted gets `gone`. `graded`: the learner came
 * from an LMS that takes their score, so the gradebook may need it; asked in the same statement, so a learner who
 * joined with a class code (most of the load) costs one round trip per batch, not two.
 */
export async function ingest(
  db: ServerDatabase,
  claims: SessionClaims,
  events: readonly LearnerEvent[],
): Promise<{ result: EventBatchResult; graded: boolean }> {
  let row: { accepted: number; graded: boolean } | undefined;
  try {
    // The events' foreign key to their run is what refuses a deleted learner's batch.
    [row] = await db.query<{ accepted: number; graded: boolean }>(INGEST, [
      claims.learnerId,
      claims.lessonId,
      events.map((event) => event.id),
      events.map((event) => event.kind),
      events.map((event) => event.at),
      events.map(({ id: _id, kind: _kind, at: _at, ...data }) => JSON.stringify(data)),
    ]);
  } catch (error) {
    if ((error as { code?: string }).code === FOREIGN_KEY_VIOLATION) throw gone();
    throw error;
  }
  const accepted = row?.accepted ?? 0;
  return { result: { accepted, duplicates: events.length - accepted }, graded: row?.graded ?? false };
}

function gone(): HttpError {
  return new HttpError('gone', 'This learner’s record was deleted by the teacher; nothing more is recorded.');
}
