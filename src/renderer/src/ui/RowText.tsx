import type { ReactNode } from 'react';
import styles from './RowText.module.css';

/** The text column of a list row (a take, a render, an interrupted recording). */
export function RowMain({ children }: { children: ReactNode }) {
  return <div className={styles.main}>{children}</div>;
}

/** The row's name (the teacher's text, so isolated in <bdi>), cut with an ellipsis when it is long. */
export function RowTitle({ children }: { children: ReactNode }) {
  return <bdi className={styles.title}>{children}</bdi>;
}

/** Facts about the row (length, size, when), spaced on one line that wraps. */
export function RowMeta({ children }: { children: ReactNode }) {
  return <span className={styles.meta}>{children}</span>;
}

/** A state worth seeing at a glance: "Used in the lesson", "Recovered". */
export function RowBadge({ children }: { children: ReactNode }) {
  return <span className={styles.badge}>{children}</span>;
}
