import { useEffect, useState } from 'react';
import type { Take } from '@shared/media/takes';
import { describeWork } from '@shared/editor/carryOver';
import { studio } from '../../studio';
import { Button } from '../../ui/Button';
import { Checkbox } from '../../ui/Checkbox';
import { Dialog, DialogActions, DialogLead } from '../../ui/Dialog';
import { Banner } from '../../ui/Banner';
import { describeError } from '../../lib/errors';

export type SwitchResult = Awaited<ReturnType<typeof studio.editor.switchTake>>;

interface SwitchTakeDialogProps {
  /** The recording the teacher wants the lesson to use; null when the dialog is closed. */
  target: Take | null;
  current: Take | null;
  /** Said first when the teacher did not ask: a recording just made. */
  justRecorded?: boolean;
  onClose: () => void;
  onSwitched: (result: SwitchResult) => void;
}

/**
 * Asks before the lesson uses another recording, because edits belong to a recording: the old one keeps its cuts,
 * key moments, callouts and questions, and the teacher may copy the last three across (placed by time).
 */
export function SwitchTakeDialog({
  target,
  current,
  justRecorded = false,
  onClose,
  onSwitched,
}: SwitchTakeDialogProps) {
  const work = useWorkOf(target && current ? current.lessonId : null);
  const [carry, setCarry] = useState(true);
  const [isPending, setPending] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const what = work ? describeWork(work) : '';

  const confirm = () => {
    if (!target) return;
    setPending(true);
    setError(null);
    studio.editor
      .switchTake({ takeId: target.id, carryOver: carry && what !== '' })
      .then(onSwitched, (failure: unknown) => setError(describeError(failure)))
      .finally(() => setPending(false));
  };

  return (
    <Dialog
      title={target ? `Use “${target.title}” in the lesson?` : ''}
      isOpen={target !== null}
      onOpenChange={(open) => !open && onClose()}
    >
      {target && current && (
        <>
          <DialogLead>
            {justRecorded ? `“${target.title}” is saved. ` : ''}
            The lesson now uses “{current.title}”. Its cuts, key moments, callouts and questions stay with it, and come
            back if you switch back.
          </DialogLead>
          {what !== '' && (
            <Checkbox
              variant="card"
              isSelected={carry}
              onChange={setCarry}
              hint="Each is placed at the same time in the lesson. Cuts are not copied."
            >
              Copy its {what} to “{target.title}”
            </Checkbox>
          )}
          {error && (
            <Banner tone="error" role="alert">
              {error}
            </Banner>
          )}
          <DialogActions>
            <Button onPress={onClose} isDisabled={isPending}>
              {justRecorded ? `Keep “${current.title}”` : 'Cancel'}
            </Button>
            <Button variant="primary" autoFocus isPending={isPending} onPress={confirm}>
              Use “{target.title}”
            </Button>
          </DialogActions>
        </>
      )}
    </Dialog>
  );
}

/** What the lesson's current recording holds, read when the dialog opens. */
function useWorkOf(lessonId: string | null) {
  const [work, setWork] = useState<Awaited<ReturnType<typeof studio.editor.open>> | null>(null);
  useEffect(() => {
    setWork(null);
    if (!lessonId) return;
    let live = true;
    studio.editor.open({ lessonId }).then(
      (document) => {
        if (live) setWork(document);
      },
      // Without a document there is nothing to copy; the switch itself reports what is wrong.
      () => undefined,
    );
    return () => {
      live = false;
    };
  }, [lessonId]);
  return work;
}
