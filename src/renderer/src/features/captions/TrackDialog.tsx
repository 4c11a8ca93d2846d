import { useEffect, useState, type SyntheticEvent } from 'react';
import { languageName } from '@shared/captions';
import { Button } from '../../ui/Button';
import { Dialog, DialogActions, DialogForm } from '../../ui/Dialog';
import { TextField } from '../../ui/TextField';

export interface TrackDraft {
  readonly id: string;
  readonly label: string;
  readonly srclang: string;
  readonly isNew: boolean;
}

interface TrackDialogProps {
  draft: TrackDraft | null;
  onClose: () => void;
  /** Answers false when the lesson refused it (the editor shows why). */
  onSave: (draft: TrackDraft) => boolean;
}

/** A captions track's language code and the name learners pick it by. */
export function TrackDialog({ draft, onClose, onSave }: TrackDialogProps) {
  const [label, setLabel] = useState('');
  const [srclang, setSrclang] = useState('');

  useEffect(() => {
    setLabel(draft?.label ?? '');
    setSrclang(draft?.srclang ?? '');
  }, [draft]);

  function submit(event: SyntheticEvent) {
    event.preventDefault();
    if (draft && onSave({ ...draft, label: label.trim(), srclang: srclang.trim() })) onClose();
  }

  function changeLanguage(value: string) {
    // Keep the name in step with the code while the teacher has not written a name of their own.
    if (label === '' || label === languageName(srclang)) setLabel(languageName(value.trim()));
    setSrclang(value);
  }

  return (
    <Dialog
      title={draft?.isNew === false ? 'Captions language' : 'Add captions'}
      isOpen={draft !== null}
      onOpenChange={(open) => !open && onClose()}
    >
      <DialogForm onSubmit={submit}>
        <TextField
          label="Language code"
          value={srclang}
          onChange={changeLanguage}
          description="A code such as en, fr or pt-BR"
          isRequired
          autoFocus
          name="srclang"
        />
        <TextField label="Name learners see" value={label} onChange={setLabel} isRequired name="label" />
        <DialogActions>
          <Button variant="ghost" slot="close">
            Cancel
          </Button>
          <Button type="submit" variant="primary">
            {draft?.isNew === false ? 'Save' : 'Add captions'}
          </Button>
        </DialogActions>
      </DialogForm>
    </Dialog>
  );
}
