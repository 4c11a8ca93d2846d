import {
  ToggleButton,
  ToggleButtonGroup,
  type ToggleButtonGroupProps,
  type ToggleButtonProps,
} from 'react-aria-components';
import { cx } from '../lib/classNames';
import styles from './SegmentedControl.module.css';

interface SegmentedControlProps extends Omit<ToggleButtonGroupProps, 'className'> {
  /** Spread the options across the container's width. */
  fill?: boolean;
}

/** A few mutually exclusive views or modes side by side; each option is a SegmentedItem. */
export function SegmentedControl({ fill, ...props }: SegmentedControlProps) {
  return <ToggleButtonGroup {...props} className={cx(styles.group, fill && styles.fill)} />;
}

export function SegmentedItem(props: Omit<ToggleButtonProps, 'className'>) {
  return <ToggleButton {...props} className={styles.item} />;
}
