import { Check, Minus, X } from 'lucide-react';
import type { LearnerRow, QuestionRow } from '@shared/classServer/analyze';
import type { FirstAttempt } from '@shared/classServer/answers';
import { ActionMenu } from '../../ui/Menu';
import { describeReason, describeViewing, STATUS_LABELS } from './wording';
import { cx } from '../../lib/classNames';
import { FIRST_ATTEMPT, STATUS_BADGE } from './statusStyles';
import styles from './ClassResults.module.css';

interface LearnerTableProps {
  learners: readonly LearnerRow[];
  questions: readonly QuestionRow[];
  classNames: ReadonlyMap<string, string>;
  now: number;
  onAction: (learner: LearnerRow, action: 'csv' | 'json' | 'delete') => void;
}

const FIRST: Record<FirstAttempt, { icon: typeof Check; label: string }> = {
  correct: { icon: Check, label: 'right first time' },
  incorrect: { icon: X, label: 'wrong first time' },
  unanswered: { icon: Minus, label: 'not answered' },
};

/** One row per learner: where they stand and why, how much they watched, their score, each question's first try. */
export function LearnerTable({ learners, questions, classNames, now, onAction }: LearnerTableProps) {
  if (learners.length === 0)
    return <p className="hint">Nobody has joined yet. Give learners the lesson’s link and a class code.</p>;
  const showClass = new Set(learners.map((learner) => learner.classId)).size > 1;
  return (
    <div className={styles.tableWrap}>
      <table className={styles.table}>
        <thead>
          <tr>
            <th scope="col">Learner</th>
            <th scope="col">Status</th>
            <th scope="col">Watched</th>
            <th scope="col">Score</th>
            {questions.map((row) => (
              <th scope="col" key={row.question.id} title={row.question.prompt} className={styles.qHead}>
                Q{row.number}
              </th>
            ))}
            <th scope="col">Why</th>
            <th scope="col">
              <span className="visually-hidden">Actions</span>
            </th>
          </tr>
        </thead>
        <tbody>
          {learners.map((learner) => (
            <tr key={learner.id} data-status={learner.status}>
              <th scope="row" className={styles.name}>
                {learner.name}
                {showClass && <span className={styles.className}>{classNames.get(learner.classId)}</span>}
              </th>
              <td>
                <span className={cx(styles.badge, STATUS_BADGE[learner.status])}>{STATUS_LABELS[learner.status]}</span>
              </td>
              <td>
                <span className={styles.meter} aria-hidden="true">
                  <span style={{ width: `${learner.watchedPercent}%` }} />
                </span>
                {Math.round(learner.watchedPercent)}%
                {describeViewing(learner.viewing) !== '' && (
                  <span className={styles.viewing}>{describeViewing(learner.viewing)}</span>
                )}
              </td>
              <td>{learner.scorePercent === null ? '–' : `${Math.round(learner.scorePercent)}%`}</td>
              {questions.map((row) => {
                const first = learner.firstAttempts[row.question.id] ?? 'unanswered';
                const { icon: Icon, label } = FIRST[first];
                return (
                  <td key={row.question.id} className={FIRST_ATTEMPT[first]}>
                    <Icon size={16} aria-label={`Question ${row.number}: ${label}`} role="img" />
                  </td>
                );
              })}
              <td className={styles.reasons}>
                {learner.reasons.map((reason) => describeReason(reason, now)).join('; ')}
              </td>
              <td>
                {/* Someone known only from the LMS course's list has no records here to export or delete. */}
                {!learner.onlyOnRoster && (
                  <ActionMenu
                    label={`Actions for ${learner.name}`}
                    actions={[
                      { id: 'csv', label: 'Export records (CSV)' },
                      { id: 'json', label: 'Export records (JSON)' },
                      { id: 'delete', label: 'Delete this learner’s records…', isDanger: true, separatorBefore: true },
                    ]}
                    onAction={(id) => onAction(learner, id as 'csv' | 'json' | 'delete')}
                  />
                )}
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
