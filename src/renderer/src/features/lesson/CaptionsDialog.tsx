import { languageHint } from '@shared/format/language';
import { useEffect, useState, type SyntheticEvent } from 'react';
import { languageName } from '@shared/captions';
import { splitFormError } from '../../lib/errors';
import { studio } from '../../studio';
import { Button } from '../../ui/Button';
import { Banner } from '../../ui/Banner';
import { Dialog, DialogActions, DialogForm } from '../../ui/Dialog';
import { TextField } from '../../ui/TextField';

export interface PickedCaptions {
  readonly fileName: string;
  readonly text: string;
  readonly label: string;
  readonly srclang: string;
}

/** Names the picked file's language before it is attached; defaults come from the file name (lecture.fr.vtt). */
export function AddCaptionsDialog({
  lessonId,
  picked,
  onClose,
}: {
  lessonId: string;
  picked: PickedCaptions | null;
  onClose: () => void;
}) {
  const [label, setLabel] = useState('');
  const [srclang, setSrclang] = useState('');
  const [errors, setErrors] = useState<{ fields: Record<string, string>; form: string | null }>({
    fields: {},
    form: null,
  });

  useEffect(() => {
    setLabel(picked?.label ?? '');
    setSrclang(picked?.srclang ?? '');
    setErrors({ fields: {}, form: null });
  }, [picked]);

  async function submit(event: SyntheticEvent) {
    event.preventDefault();
    if (!picked) return;
    try {
      await studio.captions.add({ lessonId, label, srclang, text: picked.text });
      onClose();
    } catch (failure) {
      setErrors(splitFormError(failure, ['label', 'srclang']));
    }
  }

  function changeLanguage(value: string) {
    // Keep the name in step with the code while the teacher has not written a name of their own.
    if (label === '' || label === languageName(srclang)) setLabel(languageName(value.trim()));
    setSrclang(value);
  }

  return (
    <Dialog title="Add captions" isOpen={picked !== null} onOpenChange={(open) => !open && onClose()}>
      <DialogForm onSubmit={(event) => void submit(event)}>
        <p className="hint">{picked?.fileName}</p>
        <TextField
          label="Name learners see"
          value={label}
          onChange={setLabel}
          error={errors.fields.label}
          isRequired
          autoFocus
          name="label"
        />
        <TextField
          label="Language"
          value={srclang}
          onChange={changeLanguage}
          error={errors.fields.srclang}
          description={languageHint(srclang)}
          isRequired
          name="srclang"
        />
        {errors.form !== null && (
          <Banner tone="error" role="alert" as="p">
            {errors.form}
          </Banner>
        )}
        <DialogActions>
          <Button variant="ghost" slot="close">
            Cancel
          </Button>
          <Button variant="primary" type="submit">
            Add captions
          </Button>
        </DialogActions>
      </DialogForm>
    </Dialog>
  );
}
