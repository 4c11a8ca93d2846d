import { useEffect, useState, type SyntheticEvent } from 'react';
import type { Marker } from '@shared/editor/document';
import { Button } from '../../../ui/Button';
import { Dialog, DialogActions } from '../../../ui/Dialog';
import { TextField } from '../../../ui/TextField';

/** Title and note of a key moment; the learner reads both in the chapter list. */
export function MarkerDialog({
  marker,
  onClose,
  onSave,
}: {
  marker: Marker | null;
  onClose: () => void;
  onSave: (title: string, note: string) => void;
}) {
  const [title, setTitle] = useState('');
  const [note, setNote] = useState('');
  useEffect(() => {
    setTitle(marker?.title ?? '');
    setNote(marker?.note ?? '');
  }, [marker]);
  const submit = (event: SyntheticEvent) => {
    event.preventDefault();
    onSave(title, note);
    onClose();
  };
  return (
    <Dialog title="Edit key moment" isOpen={marker !== null} onOpenChange={(open) => !open && onClose()}>
      <form onSubmit={submit} className="dialog-form">
        <TextField
          label="Title"
          value={title}
          onChange={setTitle}
          isRequired
          autoFocus
          error={title.trim() ? undefined : 'A key moment needs a title'}
        />
        <TextField
          label="Note"
          value={note}
          onChange={setNote}
          multiline
          description="A sentence on why this moment matters."
        />
        <DialogActions>
          <Button variant="ghost" onPress={onClose}>
            Cancel
          </Button>
          <Button variant="primary" type="submit" isDisabled={!title.trim()}>
            Save
          </Button>
        </DialogActions>
      </form>
    </Dialog>
  );
}
