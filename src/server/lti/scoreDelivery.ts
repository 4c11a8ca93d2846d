import type { Queryable } from '../db/database';
import { SCORE_SCOPE } from './claims';
import { findPlatformById } from './platforms';
import { ServiceError, ServiceTokens } from './serviceToken';

/** First retry after this long, doubling up to the cap: a platform down for a day gets a try an hour. */
export const RETRY_FIRST_MS = 10_000;
export const RETRY_MAX_MS = 3600_000;
/** A claimed row is another process's for this long; one that died meanwhile leaves it to the others after. */
const CLAIM_MS = 2 * 60_000;
const BATCH = 20;
const REQUEST_TIMEOUT_MS = 30_000;

export function retryDelay(attempts: number): number {
  return Math.min(RETRY_MAX_MS, RETRY_FIRST_MS * 2 ** Math.max(0, attempts - 1));
}

/** `<lineitem>/scores`, keeping the line item's query (AGS 2.0, 3.4: the scores service sits under the line item). */
export function scoresUrl(lineitem: string): string {
  const url = new URL(lineitem);
  url.pathname = `${url.pathname.replace(/\/+$/, '')}/scores`;
  return url.href;
}

/**
 * Claims due outbox rows for this process: only the oldest row of each gradebook column (so scores arrive in order),
 * rows no other process holds (`FOR UPDATE SKIP LOCKED`, and a time-limited claim that outlives the statement).
 */
const CLAIM = `
  UPDATE lti_score_outbox SET claimed_until = $2, attempts = attempts + 1
  WHERE id IN (
    SELECT o.id FROM lti_score_outbox o
    WHERE o.next_at <= $1 AND (o.claimed_until IS NULL OR o.claimed_until < $1)
      AND NOT EXISTS (
        SELECT 1 FROM lti_score_outbox p WHERE p.learner_id = o.learner_id AND p.lineitem = o.lineitem AND p.id < o.id
      )
    ORDER BY o.id LIMIT ${BATCH}
    FOR UPDATE SKIP LOCKED
  )
  RETURNING id, platform_id, lineitem, score, attempts`;

interface Claimed {
  id: string;
  platform_id: string;
  lineitem: string;
  score: object;
  attempts: number;
}

/**
 * Posts queued scores to the platforms (AGS 2.0 score service), from any number of server processes on one database:
 * each row is claimed by one of them, deleted once the platform took it, and otherwise tried again later, sooner
 * for a platform that was down than for one that refused.
 */
export class ScoreDelivery {
  private readonly tokens: ServiceTokens;
  private running: Promise<void> | null = null;
  /** Kicks so far: one that came during a run makes the run go round once more. */
  private kicks = 0;

  constructor(
    private readonly db: Queryable,
    private readonly now: () => number,
    private readonly log: (line: string) => void,
  ) {
    this.tokens = new ServiceTokens(db, now);
  }

  /** Delivers what is due now, and again if more was queued meanwhile; never two runs at once in one process. */
  kick(): Promise<void> {
    this.kicks += 1;
    this.running ??= this.run();
    return this.running;
  }

  private async run(): Promise<void> {
    try {
      for (;;) {
        const seen = this.kicks;
        await this.deliverDue().catch((error: unknown) =>
          this.log(`flipside serve: scores not delivered: ${String(error)}`),
        );
        if (this.kicks === seen) return;
      }
    } finally {
      this.running = null;
    }
  }

  /** One pass over the due rows; answers how many the platforms took. */
  async deliverDue(): Promise<number> {
    const now = this.now();
    const claimed = await this.db.query<Claimed>(CLAIM, [now, now + CLAIM_MS]);
    let delivered = 0;
    for (const row of claimed) {
      try {
        await this.post(row);
        await this.db.query('DELETE FROM lti_score_outbox WHERE id = $1', [row.id]);
        delivered += 1;
      } catch (error) {
        await this.later(row, error);
      }
    }
    return delivered;
  }

  private async post(row: Claimed): Promise<void> {
    const platform = await findPlatformById(this.db, row.platform_id);
    if (!platform) throw new ServiceError('The platform is no longer registered', false);
    const token = await this.tokens.token(platform, SCORE_SCOPE);
    let response: Response;
    try {
      response = await fetch(scoresUrl(row.lineitem), {
        method: 'POST',
        headers: { authorization: `Bearer ${token}`, 'content-type': 'application/vnd.ims.lis.v1.score+json' },
        body: JSON.stringify(row.score),
        signal: AbortSignal.timeout(REQUEST_TIMEOUT_MS),
      });
    } catch (error) {
      throw new ServiceError(`The platform's score service did not answer: ${String(error)}`, true);
    }
    if (response.status === 401) this.tokens.forget(platform, SCORE_SCOPE);
    if (!response.ok) throw new ServiceError(`The platform's score service answered ${response.status}`, true);
  }

  /** Back in the queue with a pause; dropped instead when a newer state for the column is waiting behind it. */
  private async later(row: Claimed, error: unknown): Promise<void> {
    const message = error instanceof Error ? error.message : String(error);
    this.log(`flipside serve: a score for ${row.lineitem} will be tried again: ${message}`);
    const pause = retryDelay(row.attempts) * (error instanceof ServiceError && !error.retry ? 6 : 1);
    await this.db.query(
      `DELETE FROM lti_score_outbox o WHERE o.id = $1 AND EXISTS (
         SELECT 1 FROM lti_score_outbox n WHERE n.learner_id = o.learner_id AND n.lineitem = o.lineitem AND n.id > o.id)`,
      [row.id],
    );
    await this.db.query(
      'UPDATE lti_score_outbox SET claimed_until = NULL, next_at = $2, last_error = $3 WHERE id = $1',
      [row.id, this.now() + Math.min(RETRY_MAX_MS, pause), message.slice(0, 500)],
    );
  }
}
