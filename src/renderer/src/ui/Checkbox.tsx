import type { ReactNode } from 'react';
import { CheckboxButton, CheckboxField, type CheckboxFieldProps } from 'react-aria-components';
import { Check } from 'lucide-react';
import { cx } from '../lib/classNames';
import styles from './Checkbox.module.css';

export interface CheckboxProps extends Omit<CheckboxFieldProps, 'className' | 'children'> {
  children: ReactNode;
  /** card: a bordered option with a second line (hint) under its label, as in a list of choices. */
  variant?: 'plain' | 'card';
  hint?: ReactNode;
  className?: string;
}

/** A checkbox with its label; inside a CheckboxGroup it is one of the group's values. */
export function Checkbox({ children, variant = 'plain', hint, className, ...props }: CheckboxProps) {
  const card = variant === 'card';
  return (
    <CheckboxField {...props} className={className}>
      <CheckboxButton className={cx(styles.button, card && styles.card)}>
        <span className={styles.box} aria-hidden="true">
          <Check size={12} strokeWidth={3} />
        </span>
        {card ? (
          <span className={styles.text}>
            <span className={styles.label}>{children}</span>
            {hint !== undefined && <span className={styles.hint}>{hint}</span>}
          </span>
        ) : (
          children
        )}
      </CheckboxButton>
    </CheckboxField>
  );
}
