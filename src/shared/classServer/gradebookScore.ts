import { firstAttempts } from './answers';
import type { Attempt } from './results';

/** A learner's run as the gradebook sees it. */
export interface RunForGradebook {
  /** 0..1 of the lesson played. */
  readonly progress: number;
  readonly completion: 'completed' | 'incomplete' | null;
  /** The lesson's own score, reported by the player once the attempt is over. */
  readonly scoreRaw: number | null;
  readonly scoreMax: number | null;
  readonly attempts: readonly Attempt[];
}

/** The parts of an AGS 2.0 score (section 3.4) that follow from the run; user and time are added when it is sent. */
export interface GradebookScore {
  readonly activityProgress: 'Started' | 'InProgress' | 'Completed';
  readonly gradingProgress: 'Pending' | 'FullyGraded';
  readonly scoreGiven?: number;
  readonly scoreMaximum?: number;
  readonly comment?: string;
}

/**
 * What the LMS's gradebook should show for a run: Started once launched, InProgress once played or answered,
 * Completed (and FullyGraded) once the player says the lesson is done. The score is the lesson's own (what its
 * mastery rule used); a finished run without one counts the questions right first time, and a lesson without
 * questions scores 1 of 1 when done. The comment says how many questions were right first time, the teacher's
 * measure of who needs help.
 */
export function gradebookScore(run: RunForGradebook, questionIds: readonly string[]): GradebookScore {
  const first = firstAttempts(run.attempts);
  const right = questionIds.filter((id) => first.get(id)?.correct === true).length;
  const completed = run.completion === 'completed';
  const activityProgress = completed
    ? 'Completed'
    : run.progress > 0 || run.attempts.length > 0
      ? 'InProgress'
      : 'Started';
  const comment = questionIds.length > 0 ? `${right} of ${questionIds.length} first time` : undefined;
  const reported =
    run.scoreRaw !== null && run.scoreMax !== null && run.scoreMax > 0
      ? { scoreGiven: run.scoreRaw, scoreMaximum: run.scoreMax }
      : completed
        ? questionIds.length > 0
          ? { scoreGiven: right, scoreMaximum: questionIds.length }
          : { scoreGiven: 1, scoreMaximum: 1 }
        : {};
  return {
    activityProgress,
    gradingProgress: completed ? 'FullyGraded' : 'Pending',
    ...reported,
    ...(comment === undefined ? {} : { comment }),
  };
}
