import { useState } from 'react';
import { Button } from './Button';
import { Dialog, DialogActions } from './Dialog';

interface ConfirmDialogProps {
  title: string;
  message: string;
  confirmLabel: string;
  isOpen: boolean;
  onCancel: () => void;
  onConfirm: () => Promise<void> | void;
}

/** Asks before something that cannot be undone; Cancel has the focus, so Enter never destroys by accident. */
export function ConfirmDialog({ title, message, confirmLabel, isOpen, onCancel, onConfirm }: ConfirmDialogProps) {
  const [isPending, setPending] = useState(false);
  return (
    <Dialog title={title} role="alertdialog" isOpen={isOpen} onOpenChange={(open) => !open && onCancel()}>
      <p className="dialog-lead">{message}</p>
      <DialogActions>
        <Button autoFocus onPress={onCancel} isDisabled={isPending}>
          Cancel
        </Button>
        <Button
          variant="danger"
          isPending={isPending}
          onPress={() => {
            setPending(true);
            void Promise.resolve(onConfirm()).finally(() => setPending(false));
          }}
        >
          {confirmLabel}
        </Button>
      </DialogActions>
    </Dialog>
  );
}
