import { useEffect, useState, type SyntheticEvent } from 'react';
import { Form } from 'react-aria-components';
import { Button } from './Button';
import { Dialog, DialogActions } from './Dialog';
import { TextField } from './TextField';
import { describeError, fieldErrors } from '../lib/errors';

interface RenameDialogProps<T extends { title: string }> {
  /** What is being renamed; null keeps the dialog closed. */
  item: T | null;
  /** "Rename lesson", "Rename take". */
  heading: string;
  onClose: () => void;
  onRename: (item: T, title: string) => Promise<void>;
}

/** One dialog for renaming anything with a title; the service's own message shows under the field. */
export function RenameDialog<T extends { title: string }>({ item, heading, onClose, onRename }: RenameDialogProps<T>) {
  const [title, setTitle] = useState('');
  const [error, setError] = useState<string | undefined>();

  useEffect(() => {
    setTitle(item?.title ?? '');
    setError(undefined);
  }, [item]);

  async function submit(event: SyntheticEvent) {
    event.preventDefault();
    if (!item) return;
    try {
      await onRename(item, title);
      onClose();
    } catch (failure) {
      setError(fieldErrors(failure).title ?? describeError(failure));
    }
  }

  return (
    <Dialog title={heading} isOpen={item !== null} onOpenChange={(open) => !open && onClose()}>
      <Form onSubmit={(event) => void submit(event)} className="dialog-form">
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
