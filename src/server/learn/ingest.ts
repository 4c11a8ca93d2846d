import type { EventBatchResult, LearnerEvent } from '@shared/classServer/events';
import type { SessionClaims } from '../auth/tokens';
import type { ServerDatabase } from '../db/database';
import { HttpError } from '../http/errors';

const FOREIGN_KEY_VIOLATION = '23503';

function latest<K extends LearnerEvent['kind']>(events: readonly LearnerEvent[], kind: K) {
  let found: Extract<LearnerEvent, { kind: K }> | null = null;
  for (const event of events) {
    if (event.kind === kind && (!found || event.at >= found.at)) found = event as Extract<LearnerEvent, { kind: K }>;
  }
  return found;
}

/**
 * Stores a batch in one transaction: every event (a resent one is recognised by its id and stored once), then the
 * run's summary from the new ones. Summary fields move only forward on the learner's clock, so a batch that sat in an
 * offline queue cannot overwrite newer progress. A learner the teacher deleted gets `gone`.
 */
export async function ingest(
  db: ServerDatabase,
  claims: SessionClaims,
  events: readonly LearnerEvent[],
): Promise<EventBatchResult> {
  try {
    return await db.transaction(async (tx) => {
      const stored = await tx.query<{ id: string }>(
        `INSERT INTO events (id, learner_id, lesson_id, kind, client_at, data)
         SELECT e.id, $1, $2, e.kind, e.at, e.data
         FROM unnest($3::uuid[], $4::text[], $5::bigint[], $6::jsonb[]) AS e(id, kind, at, data)
         ON CONFLICT (id) DO NOTHING
         RETURNING id`,
        [
          claims.learnerId,
          claims.lessonId,
          events.map((event) => event.id),
          events.map((event) => event.kind),
          events.map((event) => event.at),
          events.map(({ id: _id, kind: _kind, at: _at, ...data }) => JSON.stringify(data)),
        ],
      );
      const fresh = new Set(stored.map((row) => row.id));
      const added = events.filter((event) => fresh.has(event.id));
      if (added.length > 0) await summarize(tx, claims, added);
      return { accepted: added.length, duplicates: events.length - added.length };
    });
  } catch (error) {
    if ((error as { code?: string }).code === FOREIGN_KEY_VIOLATION)
      throw new HttpError('gone', 'This learner’s record was deleted by the teacher; nothing more is recorded.');
    throw error;
  }
}

async function summarize(
  tx: { query: ServerDatabase['query'] },
  claims: SessionClaims,
  added: readonly LearnerEvent[],
): Promise<void> {
  const progress = latest(added, 'progress');
  const score = latest(added, 'score');
  const completion = latest(added, 'completion');
  const lastAt = Math.max(...added.map((event) => event.at));
  const rows = await tx.query<{ learner_id: string }>(
    `UPDATE runs SET
       last_activity_at = greatest(last_activity_at, least(to_timestamp($3::float8 / 1000), now())),
       pauses = pauses + $4,
       seeks = seeks + $5,
       progress = CASE WHEN $6::bigint > state_at THEN $7::float8 ELSE progress END,
       location_ms = CASE WHEN $6::bigint > state_at THEN $8::int ELSE location_ms END,
       state = CASE WHEN $6::bigint > state_at THEN $9::text ELSE state END,
       state_at = greatest(state_at, $6::bigint),
       score_raw = CASE WHEN $10::bigint > score_at THEN $11::float8 ELSE score_raw END,
       score_max = CASE WHEN $10::bigint > score_at THEN $12::float8 ELSE score_max END,
       score_scaled = CASE WHEN $10::bigint > score_at THEN $13::float8 ELSE score_scaled END,
       score_at = greatest(score_at, $10::bigint),
       completion = CASE WHEN $14::bigint > completion_at THEN $15::text ELSE completion END,
       success = CASE WHEN $14::bigint > completion_at THEN $16::text ELSE success END,
       completion_at = greatest(completion_at, $14::bigint)
     WHERE learner_id = $1 AND lesson_id = $2
     RETURNING learner_id`,
    [
      claims.learnerId,
      claims.lessonId,
      lastAt,
      added.filter((event) => event.kind === 'paused').length,
      added.filter((event) => event.kind === 'seeked').length,
      progress ? progress.at + 1 : 0,
      progress?.progress ?? 0,
      progress?.locationMs ?? 0,
      progress?.state ?? null,
      score ? score.at + 1 : 0,
      score?.raw ?? null,
      score?.max ?? null,
      score?.scaled ?? null,
      completion ? completion.at + 1 : 0,
      completion?.completion ?? null,
      completion?.success ?? null,
    ],
  );
  if (rows.length === 0) throw new HttpError('gone', 'This learner’s record was deleted by the teacher.');
}
