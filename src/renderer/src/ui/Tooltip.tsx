import type { ReactElement } from 'react';
import { Tooltip as AriaTooltip, TooltipTrigger } from 'react-aria-components';
import styles from './Tooltip.module.css';

/**
 * A short text shown on hover and on keyboard focus over one control, e.g. "Undo (Ctrl+Z)". The control keeps its
 * own accessible name; the tooltip adds what only sighted mouse users would otherwise miss (the shortcut).
 */
export function Tooltip({ text, children }: { text: string; children: ReactElement }) {
  return (
    <TooltipTrigger delay={500} closeDelay={100}>
      {children}
      <AriaTooltip className={styles.tooltip} offset={6}>
        {text}
      </AriaTooltip>
    </TooltipTrigger>
  );
}
