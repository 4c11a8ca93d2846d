import type { ReactNode } from 'react';
import { SwitchButton, SwitchField, type SwitchFieldProps } from 'react-aria-components';
import styles from './Switch.module.css';

export interface SwitchProps extends Omit<SwitchFieldProps, 'className' | 'children'> {
  children: ReactNode;
}

/** An on/off setting that takes effect at once (no Save), with its label. */
export function Switch({ children, ...props }: SwitchProps) {
  return (
    <SwitchField {...props}>
      <SwitchButton className={styles.button}>
        <span className={styles.track} aria-hidden="true">
          <span className={styles.thumb} />
        </span>
        {children}
      </SwitchButton>
    </SwitchField>
  );
}
