import type { ReactNode } from 'react';
import { CheckCircle2 } from 'lucide-react';
import styles from './PublishDone.module.css';

/** The end of a publish that worked: a tick, what is ready, then where it is and what to do with it. */
export function PublishDone({ title, children }: { title: ReactNode; children: ReactNode }) {
  return (
    <div className={styles.done} role="status">
      <CheckCircle2 size={28} aria-hidden="true" className={styles.icon} />
      <div className={styles.text}>
        <p className={styles.title}>{title}</p>
        {children}
      </div>
    </div>
  );
}
