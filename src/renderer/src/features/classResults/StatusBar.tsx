import type { LearnerStatus } from '@shared/classServer/analyze';
import { STATUS_LABELS, STATUS_ORDER } from './wording';
import { cx } from '../../lib/classNames';
import { STATUS_FILL } from './statusStyles';
import styles from './ClassResults.module.css';

/** How the class stands, drawn as one bar split by status, with the counts beside it in words. */
export function StatusBar({ counts }: { counts: Readonly<Record<LearnerStatus, number>> }) {
  const total = STATUS_ORDER.reduce((sum, status) => sum + counts[status], 0);
  const summary = STATUS_ORDER.map((status) => `${counts[status]} ${STATUS_LABELS[status].toLowerCase()}`).join(', ');
  let x = 0;
  return (
    <div className={styles.statusBar}>
      <svg role="img" aria-label={`Of ${total} learners: ${summary}`} viewBox="0 0 100 6" preserveAspectRatio="none">
        {total === 0 ? (
          <rect x={0} y={0} width={100} height={6} className={styles.empty} />
        ) : (
          STATUS_ORDER.map((status) => {
            const width = (counts[status] / total) * 100;
            const rect = <rect key={status} x={x} y={0} width={width} height={6} className={STATUS_FILL[status]} />;
            x += width;
            return rect;
          })
        )}
      </svg>
      <ul className={styles.legend} aria-hidden="true">
        {STATUS_ORDER.map((status) => (
          <li key={status}>
            <span className={cx(styles.swatch, STATUS_FILL[status])} />
            {STATUS_LABELS[status]} <strong>{counts[status]}</strong>
          </li>
        ))}
      </ul>
    </div>
  );
}
