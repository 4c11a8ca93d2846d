import type { CompletionReport } from './gating';

/** What the LMS is told about an attempt, which may be less than the player knows (see {@link attemptResult}). */
export interface AttemptResult {
  readonly completion: 'completed' | 'incomplete';
  readonly success: 'passed' | 'failed' | 'unknown';
  /** Below 1 while the attempt is open: an LMS that judges completion by measure (2004) must not close it. */
  readonly progressMeasure: number;
  /** The attempt is over: an LMS closes it (Moodle then opens the next launch in review mode). */
  readonly over: boolean;
}

/**
 * An attempt is over when the lesson is completed and either passed, has nothing to score, or is failed with no
 * question left whose next try could raise the score. Until then the LMS hears "incomplete" and no verdict: LMSs judge passed/failed from any score
 * they are given and close the attempt on it, so an unfinished attempt — left early, or failed while the teacher's
 * rules still allow another try — must stay open, and the learner comes back to it.
 */
export function attemptResult(report: CompletionReport, canStillScore: boolean): AttemptResult {
  const over = report.completion === 'completed' && (report.success !== 'failed' || !canStillScore);
  if (over)
    return { completion: 'completed', success: report.success, progressMeasure: report.progressMeasure, over: true };
  return {
    completion: 'incomplete',
    success: 'unknown',
    progressMeasure: Math.min(report.progressMeasure, 0.99),
    over: false,
  };
}
