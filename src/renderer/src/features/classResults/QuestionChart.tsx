import type { QuestionRow } from '@shared/classServer/analyze';
import styles from './ClassResults.module.css';

/** Each question's share right first time as a bar, and the mistakes learners made most. */
export function QuestionChart({ questions }: { questions: readonly QuestionRow[] }) {
  if (questions.length === 0) return <p className="hint">This lesson has no questions.</p>;
  return (
    <ol className={styles.questions}>
      {questions.map((row) => {
        const percent = row.percentRightFirstTime;
        const label =
          percent === null
            ? `Question ${row.number}: nobody has answered yet`
            : `Question ${row.number}: ${Math.round(percent)}% right first time, of ${row.answered} who answered`;
        return (
          <li key={row.question.id}>
            <p className={styles.questionPrompt}>
              <span className={styles.questionNumber}>{row.number}.</span> {row.question.prompt}
            </p>
            <div className={styles.questionBar}>
              <svg role="img" aria-label={label} viewBox="0 0 100 4" preserveAspectRatio="none">
                <rect x={0} y={0} width={100} height={4} className={styles.track} />
                {percent !== null && <rect x={0} y={0} width={percent} height={4} className={styles.fillDone} />}
              </svg>
              <span className={styles.questionValue} aria-hidden="true">
                {percent === null ? '–' : `${Math.round(percent)}%`}
              </span>
            </div>
            <p className="hint">
              {percent === null
                ? 'Nobody has answered yet.'
                : `${row.rightFirstTime} of ${row.answered} right first time.`}
              {row.wrongAnswers.length > 0 &&
                ` Common wrong answers: ${row.wrongAnswers
                  .map((wrong) => `“${wrong.label}” (${wrong.learners})`)
                  .join(', ')}.`}
            </p>
          </li>
        );
      })}
    </ol>
  );
}
