import { useState, type SyntheticEvent } from 'react';
import type { Marker } from '@shared/editor/document';
import { Button } from '../../../ui/Button';
import { Dialog, DialogActions, DialogForm } from '../../../ui/Dialog';
import { TextField } from '../../../ui/TextField';

interface MarkerDialogProps {
  marker: Marker | null;
  isNew: boolean;
  onClose: () => void;
  onSave: (title: string, note: string) => void;
}

/**
 * Title and note of a key moment; the learner reads both in the chapter list. A new one opens with its made-up title
 * ("Key moment at 0:06.0") selected, so typing replaces it; closing keeps the key moment as it was added.
 */
export function MarkerDialog({ marker, isNew, onClose, onSave }: MarkerDialogProps) {
  // The last key moment shown stays in the dialog while it closes, so its fields do not empty during the fade.
  const [shown, setShown] = useState(marker);
  if (marker && marker !== shown) setShown(marker);
  return (
    <Dialog
      title={isNew ? 'Name the key moment' : 'Edit key moment'}
      isOpen={marker !== null}
      onOpenChange={(open) => !open && onClose()}
    >
      {shown && <MarkerForm key={shown.id} marker={shown} isNew={isNew} onClose={onClose} onSave={onSave} />}
    </Dialog>
  );
}

function MarkerForm({ marker, isNew, onClose, onSave }: MarkerDialogProps & { marker: Marker }) {
  const [title, setTitle] = useState(marker.title);
  const [note, setNote] = useState(marker.note);
  const submit = (event: SyntheticEvent) => {
    event.preventDefault();
    onSave(title, note);
    onClose();
  };
  return (
    <DialogForm onSubmit={submit}>
      <TextField
        label="Title"
        value={title}
        onChange={setTitle}
        isRequired
        autoFocus
        selectOnFocus
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
          {isNew ? 'Keep as is' : 'Cancel'}
        </Button>
        <Button variant="primary" type="submit" isDisabled={!title.trim()}>
          Save
        </Button>
      </DialogActions>
    </DialogForm>
  );
}
