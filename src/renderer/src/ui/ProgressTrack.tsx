import type { ReactNode } from 'react';
import { ProgressBar as AriaProgressBar, type ProgressBarProps } from 'react-aria-components';
import { cx } from '../lib/classNames';
import styles from './ProgressTrack.module.css';

/** A long job's progress: a ProgressBar laid out as a head line (ProgressHead) over a ProgressTrack. */
export function ProgressBar(props: Omit<ProgressBarProps, 'className'>) {
  return <AriaProgressBar {...props} className={styles.progress} />;
}

/** What is happening on the left, how far on the right. */
export function ProgressHead({
  label,
  value,
  valueTestId,
}: {
  label: ReactNode;
  value: ReactNode;
  valueTestId?: string;
}) {
  return (
    <div className={styles.head}>
      <span className={styles.label}>{label}</span>
      <span className={styles.value} data-testid={valueTestId}>
        {value}
      </span>
    </div>
  );
}

interface ProgressTrackProps {
  /** 0 to 100, or null while there is nothing to measure yet (the bar pulses). */
  percent: number | null;
}

/**
 * The bar inside a React Aria ProgressBar. It scales a layer instead of animating its width: progress arrives ten
 * times a second during a render, and a width transition would lay the page out on every frame, taking CPU from
 * the render itself.
 */
export function ProgressTrack({ percent }: ProgressTrackProps) {
  const fraction = percent === null ? 1 : Math.min(Math.max(percent, 0), 100) / 100;
  return (
    <div className={styles.track}>
      <div
        className={cx(styles.fill, percent === null && styles.indeterminate)}
        style={{ transform: `scaleX(${fraction})` }}
      />
    </div>
  );
}
