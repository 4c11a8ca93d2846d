import { Button as AriaButton, type ButtonProps as AriaButtonProps } from 'react-aria-components';

export type ButtonVariant = 'primary' | 'secondary' | 'ghost' | 'danger' | 'danger-ghost';

export interface ButtonProps extends Omit<AriaButtonProps, 'className'> {
  variant?: ButtonVariant;
  size?: 'md' | 'lg';
  className?: string;
}

export function Button({ variant = 'secondary', size = 'md', className, ...props }: ButtonProps) {
  const classes = ['btn', `btn-${variant}`, size === 'lg' ? 'btn-lg' : '', className ?? ''].filter(Boolean).join(' ');
  return <AriaButton {...props} className={classes} />;
}

export interface IconButtonProps extends Omit<AriaButtonProps, 'className' | 'aria-label'> {
  /** Icon-only buttons have no visible text, so the label is required. */
  'aria-label': string;
  className?: string;
}

export function IconButton({ className, ...props }: IconButtonProps) {
  return <AriaButton {...props} className={['icon-btn', className ?? ''].filter(Boolean).join(' ')} />;
}
