import { useEffect, useState, type FormEvent } from 'react';
import { Form } from 'react-aria-components';
import type { Take } from '../../../../shared/media/takes';
import { Button } from '../../ui/Button';
import { Dialog, DialogActions } from '../../ui/Dialog';
import { TextField } from '../../ui/TextField';
import { describeError, fieldErrors } from '../../lib/errors';

interface RenameTakeDialogProps {
  take: Take | null;
  onClose: () => void;
  onRename: (take: Take, title: string) => Promise<void>;
}

export function RenameTakeDialog({ take, onClose, onRename }: RenameTakeDialogProps) {
  const [title, setTitle] = useState('');
  const [error, setError] = useState<string | undefined>();

  useEffect(() => {
    setTitle(take?.title ?? '');
    setError(undefined);
  }, [take]);

  async function submit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    if (!take) return;
    try {
      await onRename(take, title);
      onClose();
    } catch (failure) {
      setError(fieldErrors(failure).title ?? describeError(failure));
    }
  }

  return (
    <Dialog title="Rename take" isOpen={take !== null} onOpenChange={(open) => !open && onClose()}>
      <Form onSubmit={submit} className="dialog-form">
        <TextField label="Title" value={title} onChange={setTitle} error={error} isRequired autoFocus name="title" />
        <DialogActions>
          <Button variant="ghost" slot="close">
            Cancel
          </Button>
          <Button variant="primary" type="submit">
            Save
          </Button>
        </DialogActions>
      </Form>
    </Dialog>
  );
}
