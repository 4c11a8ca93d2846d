import type { ReactNode } from 'react';
import { Dialog as AriaDialog, Heading, Modal, ModalOverlay } from 'react-aria-components';

interface DialogProps {
  title: string;
  isOpen: boolean;
  onOpenChange: (isOpen: boolean) => void;
  /** An alert dialog asks before something that cannot be undone; it is not dismissed by clicking outside. */
  role?: 'dialog' | 'alertdialog';
  /** Wide dialogs hold grids (the screen picker) or lists (interrupted recordings). */
  size?: 'md' | 'wide';
  children: ReactNode;
}

export function Dialog({ title, isOpen, onOpenChange, role = 'dialog', size = 'md', children }: DialogProps) {
  return (
    <ModalOverlay
      className="modal-overlay"
      isOpen={isOpen}
      onOpenChange={onOpenChange}
      isDismissable={role === 'dialog'}
    >
      <Modal className={size === 'wide' ? 'modal modal-wide' : 'modal'}>
        <AriaDialog className="dialog" role={role}>
          <Heading slot="title" className="dialog-title">
            {title}
          </Heading>
          {children}
        </AriaDialog>
      </Modal>
    </ModalOverlay>
  );
}

export function DialogActions({ children }: { children: ReactNode }) {
  return <div className="dialog-actions">{children}</div>;
}
