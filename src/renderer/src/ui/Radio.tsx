import type { ReactNode } from 'react';
import {
  Label,
  RadioButton,
  RadioField,
  RadioGroup as AriaRadioGroup,
  type RadioFieldProps,
  type RadioGroupProps as AriaRadioGroupProps,
} from 'react-aria-components';
import { cx } from '../lib/classNames';
import field from './Field.module.css';
import styles from './Radio.module.css';

const LAYOUTS = { wrap: undefined, grid: styles.grid, column: styles.column } as const;

interface RadioGroupProps extends Omit<AriaRadioGroupProps, 'className' | 'children'> {
  label: string;
  /** How the options sit: in a wrapping row, a two-column grid (the four corners), or a column (cards). */
  layout?: keyof typeof LAYOUTS;
  /** A line between the label and the options, e.g. why none is chosen. */
  note?: ReactNode;
  error?: string | undefined;
  className?: string;
  children: ReactNode;
}

/** A labelled set of Radio options, one of which is chosen. */
export function RadioGroup({ label, layout = 'wrap', note, error, className, children, ...props }: RadioGroupProps) {
  return (
    <AriaRadioGroup {...props} className={cx(styles.group, className)}>
      <Label className={field.label}>{label}</Label>
      {note}
      <div className={cx(styles.options, LAYOUTS[layout])}>{children}</div>
      {error && <p className={field.error}>{error}</p>}
    </AriaRadioGroup>
  );
}

interface RadioProps extends Omit<RadioFieldProps, 'className' | 'children'> {
  children: ReactNode;
  /** chip: a pill holding the label; card: a round mark, the label and a hint under it. */
  variant?: 'chip' | 'card';
  hint?: ReactNode;
}

export function Radio({ children, variant = 'chip', hint, ...props }: RadioProps) {
  return (
    <RadioField {...props}>
      {variant === 'chip' ? (
        <RadioButton className={styles.chip}>{children}</RadioButton>
      ) : (
        <RadioButton className={styles.card}>
          <span className={styles.mark} aria-hidden="true" />
          <span className={styles.text}>
            <span className={styles.label}>{children}</span>
            {hint !== undefined && <span className={styles.hint}>{hint}</span>}
          </span>
        </RadioButton>
      )}
    </RadioField>
  );
}
