import { useEffect, useState, type SyntheticEvent } from 'react';
import { Checkbox, Label, Radio, RadioGroup } from 'react-aria-components';
import { Check } from 'lucide-react';
import type { Callout, CalloutKind } from '@shared/editor/document';
import { Button } from '../../../ui/Button';
import { Dialog, DialogActions } from '../../../ui/Dialog';
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
      <form onSubmit={submit} className="dialog-form">
        <RadioGroup
          className="radio-row"
          value={edit.kind}
          onChange={(kind) => setEdit({ ...edit, kind: kind as CalloutKind })}
        >
          <Label className="field-label">Kind</Label>
          <div className="radio-options">
            {(['text', 'arrow', 'highlight', 'blur'] as const).map((kind) => (
              <Radio key={kind} value={kind} className="radio-chip">
                {kind.charAt(0).toUpperCase() + kind.slice(1)}
              </Radio>
            ))}
          </div>
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
        <Checkbox className="checkbox" isSelected={edit.burnIn} onChange={(burnIn) => setEdit({ ...edit, burnIn })}>
          <span className="checkbox-box" aria-hidden="true">
            <Check size={12} />
          </span>
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
      </form>
    </Dialog>
  );
}
