import type { LearnerStatus } from '@shared/classServer/analyze';
import type { FirstAttempt } from '@shared/classServer/answers';
import styles from './ClassResults.module.css';

/** Each status's colour, as a fill (bars, swatches) and as a badge; one table so a new status cannot go unstyled. */
export const STATUS_FILL: Record<LearnerStatus, string | undefined> = {
  stuck: styles.fillStuck,
  watching: styles.fillWatching,
  done: styles.fillDone,
  notStarted: styles.fillNotStarted,
};

export const STATUS_BADGE: Record<LearnerStatus, string | undefined> = {
  stuck: styles.badgeStuck,
  watching: styles.badgeWatching,
  done: styles.badgeDone,
  notStarted: styles.badgeNotStarted,
};

export const FIRST_ATTEMPT: Record<FirstAttempt, string | undefined> = {
  correct: styles.firstCorrect,
  incorrect: styles.firstIncorrect,
  unanswered: styles.firstUnanswered,
};
