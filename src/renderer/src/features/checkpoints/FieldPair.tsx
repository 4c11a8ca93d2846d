import type { ReactNode } from 'react';
import { cx } from '../../lib/classNames';
import styles from './FieldPair.module.css';

/** Two fields side by side that belong together (a value and its tolerance, from and to). */
export function FieldPair({ className, children }: { className?: string; children: ReactNode }) {
  return <div className={cx(styles.pair, className)}>{children}</div>;
}
