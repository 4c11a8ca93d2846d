import type { ReactNode } from 'react';
import { cx } from '../lib/classNames';
import styles from './Banner.module.css';

interface BannerProps {
  /** error for what failed (a load, a refused file); info for a state to know about (this lesson is in the trash). */
  tone: 'info' | 'error';
  /** alert interrupts (a failure the teacher just caused); status waits its turn. */
  role?: 'alert' | 'status';
  /** p for a sentence; div when it holds a button beside the text. */
  as?: 'p' | 'div';
  children: ReactNode;
}

/** A line across the page that says what is wrong or what to know, with at most one action beside it. */
export function Banner({ tone, role, as: Element = 'div', children }: BannerProps) {
  return (
    <Element className={cx(styles.banner, tone === 'error' && styles.error)} role={role}>
      {children}
    </Element>
  );
}
