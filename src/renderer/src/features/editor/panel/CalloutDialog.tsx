import { useEffect, useState, type SyntheticEvent } from 'react';
import type { Callout, CalloutKind } from '@shared/editor/document';
import { Button } from '../../../ui/Button';
import { Checkbox } from '../../../ui/Checkbox';
import { Dialog, DialogActions, DialogForm } from '../../../ui/Dialog';
import { Radio, RadioGroup } from '../../../ui/Radio';
import { TextField } from '../../../ui/TextField';

export interface CalloutEdit {
  kind: CalloutKind;
  text: string;
  seconds: number;
  burnIn: boolean;
}

/** What a callout is and says, how long it shows, and whether it is burned into the exported video. */
export function CalloutDialog({
  callout,
  onClose,
  onSave,
}: {
  callout: Callout | null;
  onClose: () => void;
  onSave: (edit: CalloutEdit) => void;
}) {
  const [edit, setEdit] = useState<CalloutEdit>({ kind: 'text', text: '', seconds: 4, burnIn: true });
  useEffect(() => {
    if (callout)
      setEdit({
        kind: callout.kind,
        text: callout.text,
        seconds: (callout.sourceEnd - callout.sourceStart) / 1000,
        burnIn: callout.burnIn,
      });
  }, [callout]);
  const seconds = String(edit.seconds);
  const submit = (event: SyntheticEvent) => {
    event.preventDefault();
    onSave(edit);
    onClose();
  };
  return (
    <Dialog title="Edit callout" isOpen={callout !== null} onOpenChange={(open) => !open && onClose()}>
      <DialogForm onSubmit={submit}>
        <RadioGroup label="Kind" value={edit.kind} onChange={(kind) => setEdit({ ...edit, kind: kind as CalloutKind })}>
          {(['text', 'arrow', 'highlight', 'blur'] as const).map((kind) => (
            <Radio key={kind} value={kind}>
              {kind.charAt(0).toUpperCase() + kind.slice(1)}
            </Radio>
          ))}
        </RadioGroup>
        {edit.kind === 'text' && (
          <TextField label="Text" value={edit.text} onChange={(text) => setEdit({ ...edit, text })} autoFocus />
        )}
        <TextField
          label="Shows for (seconds)"
          value={seconds}
          onChange={(value) => setEdit({ ...edit, seconds: Number(value) })}
          error={Number.isFinite(edit.seconds) && edit.seconds > 0 ? undefined : 'Enter a number of seconds above 0'}
          isRequired
        />
        <Checkbox isSelected={edit.burnIn} onChange={(burnIn) => setEdit({ ...edit, burnIn })}>
          Burn into the exported video
        </Checkbox>
        <DialogActions>
          <Button variant="ghost" onPress={onClose}>
            Cancel
          </Button>
          <Button variant="primary" type="submit" isDisabled={!(edit.seconds > 0)}>
            Save
          </Button>
        </DialogActions>
      </DialogForm>
    </Dialog>
  );
}
