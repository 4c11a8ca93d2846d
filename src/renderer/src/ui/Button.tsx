import {
  Button as AriaButton,
  Link as AriaLink,
  ToggleButton as AriaToggleButton,
  type ButtonProps as AriaButtonProps,
  type LinkProps as AriaLinkProps,
  type ToggleButtonProps as AriaToggleButtonProps,
} from 'react-aria-components';
import { cx } from '../lib/classNames';
import styles from './Button.module.css';

export type ButtonVariant = 'primary' | 'secondary' | 'ghost' | 'danger' | 'danger-ghost';
type ButtonSize = 'sm' | 'md' | 'lg';

const VARIANTS: Record<ButtonVariant, string | undefined> = {
  primary: styles.primary,
  secondary: styles.secondary,
  ghost: styles.ghost,
  danger: styles.danger,
  'danger-ghost': styles.dangerGhost,
};
const SIZES: Record<ButtonSize, string | undefined> = { sm: styles.small, md: undefined, lg: styles.large };

interface Look {
  variant?: ButtonVariant;
  size?: ButtonSize;
  className?: string;
}

const lookOf = ({ variant = 'secondary', size = 'md', className }: Look) =>
  cx(styles.button, VARIANTS[variant], SIZES[size], className);

export interface ButtonProps extends Omit<AriaButtonProps, 'className'>, Look {}

export function Button({ variant, size, className, ...props }: ButtonProps) {
  return <AriaButton {...props} className={lookOf({ variant, size, className })} />;
}

/** A link that looks like a button: it goes somewhere (Edit, Record) rather than doing something here. */
export interface LinkButtonProps extends Omit<AriaLinkProps, 'className'>, Look {}

export function LinkButton({ variant, size, className, ...props }: LinkButtonProps) {
  return <AriaLink {...props} className={lookOf({ variant, size, className })} />;
}

/** A button that stays pressed (Mute); style its pressed look with [data-selected] in the caller's module. */
export interface ToggleButtonProps extends Omit<AriaToggleButtonProps, 'className'>, Look {}

export function ToggleButton({ variant, size, className, ...props }: ToggleButtonProps) {
  return <AriaToggleButton {...props} className={lookOf({ variant, size, className })} />;
}

export interface IconButtonProps extends Omit<AriaButtonProps, 'className' | 'aria-label'> {
  /** Icon-only buttons have no visible text, so the label is required. */
  'aria-label': string;
  className?: string;
}

export function IconButton({ className, ...props }: IconButtonProps) {
  return <AriaButton {...props} className={cx(styles.icon, className)} />;
}
