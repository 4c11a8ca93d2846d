import type { ReactNode } from 'react';
import {
  Dialog as AriaDialog,
  Form,
  Heading,
  Modal,
  ModalOverlay,
  type FormProps,
  type HeadingProps,
} from 'react-aria-components';
import { cx } from '../lib/classNames';
import styles from './Dialog.module.css';

/** md for a question or a short form; wide for grids and lists (the screen picker); large for the question editor. */
type DialogSize = 'md' | 'wide' | 'large';

const SIZES: Record<DialogSize, string | undefined> = { md: undefined, wide: styles.wide, large: styles.large };

interface ModalFrameProps {
  isOpen: boolean;
  onOpenChange: (isOpen: boolean) => void;
  /** Clicking outside closes it; an alert dialog asks before something that cannot be undone, so it does not. */
  isDismissable?: boolean;
  size?: DialogSize;
  children: ReactNode;
}

/** The dimmed overlay and the box; the dialog inside is the caller's (see Dialog for the usual one). */
export function ModalFrame({ isOpen, onOpenChange, isDismissable = false, size = 'md', children }: ModalFrameProps) {
  return (
    <ModalOverlay
      className={cx(styles.overlay, size === 'large' && styles.overlayLarge)}
      isOpen={isOpen}
      onOpenChange={onOpenChange}
      isDismissable={isDismissable}
    >
      <Modal className={cx(styles.modal, SIZES[size])}>{children}</Modal>
    </ModalOverlay>
  );
}

interface DialogProps {
  title: string;
  isOpen: boolean;
  onOpenChange: (isOpen: boolean) => void;
  /** An alert dialog asks before something that cannot be undone; it is not dismissed by clicking outside. */
  role?: 'dialog' | 'alertdialog';
  size?: Exclude<DialogSize, 'large'>;
  children: ReactNode;
}

export function Dialog({ title, isOpen, onOpenChange, role = 'dialog', size = 'md', children }: DialogProps) {
  return (
    <ModalFrame isOpen={isOpen} onOpenChange={onOpenChange} isDismissable={role === 'dialog'} size={size}>
      <AriaDialog className={styles.dialog} role={role}>
        <DialogHeading>{title}</DialogHeading>
        {children}
      </AriaDialog>
    </ModalFrame>
  );
}

/** The dialog's title; a dialog that lays out its own header puts it there. */
export function DialogHeading({ className, ...props }: Omit<HeadingProps, 'slot'>) {
  return <Heading slot="title" {...props} className={cx(styles.title, className)} />;
}

/** The sentence under the title that says what the dialog is for. */
export function DialogLead({ children }: { children: ReactNode }) {
  return <p className={styles.lead}>{children}</p>;
}

/** A dialog's form: its fields in a column, its actions last. */
export function DialogForm({ className, ...props }: FormProps) {
  return <Form {...props} className={cx(styles.form, className)} />;
}

export function DialogActions({ children }: { children: ReactNode }) {
  return (
    <div className={styles.actions} data-dialog-actions="">
      {children}
    </div>
  );
}
