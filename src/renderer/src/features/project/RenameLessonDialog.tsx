import { useEffect, useState, type FormEvent } from 'react';
import { Form } from 'react-aria-components';
import type { Lesson } from '../../../../shared/library/schemas';
import { Button } from '../../ui/Button';
import { Dialog, DialogActions } from '../../ui/Dialog';
import { TextField } from '../../ui/TextField';
import { describeError, fieldErrors } from '../../lib/errors';

interface RenameLessonDialogProps {
  lesson: Lesson | null;
  onClose: () => void;
  onRename: (lesson: Lesson, title: string) => Promise<void>;
}

export function RenameLessonDialog({ lesson, onClose, onRename }: RenameLessonDialogProps) {
  const [title, setTitle] = useState('');
  const [error, setError] = useState<string | undefined>();

  useEffect(() => {
    setTitle(lesson?.title ?? '');
    setError(undefined);
  }, [lesson]);

  async function submit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    if (!lesson) return;
    try {
      await onRename(lesson, title);
      onClose();
    } catch (failure) {
      setError(fieldErrors(failure).title ?? describeError(failure));
    }
  }

  return (
    <Dialog title="Rename lesson" isOpen={lesson !== null} onOpenChange={(open) => !open && onClose()}>
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
