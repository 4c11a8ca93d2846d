import { useRef, useState, type SyntheticEvent } from 'react';
import { Form } from 'react-aria-components';
import { Plus } from 'lucide-react';
import { Button } from '../../ui/Button';
import { TextField } from '../../ui/TextField';
import { describeError, fieldErrors } from '../../lib/errors';

/** Enter adds the lesson and leaves the cursor in the field, so a teacher can type a whole unit in one go. */
export function AddLessonForm({
  onAdd,
  isDisabled,
}: {
  onAdd: (title: string) => Promise<unknown>;
  isDisabled?: boolean;
}) {
  const [title, setTitle] = useState('');
  const [error, setError] = useState<string | undefined>();
  const [isAdding, setAdding] = useState(false);
  const inputRef = useRef<HTMLInputElement>(null);

  async function submit(event: SyntheticEvent) {
    event.preventDefault();
    setAdding(true);
    try {
      await onAdd(title);
      setTitle('');
      setError(undefined);
    } catch (failure) {
      setError(fieldErrors(failure).title ?? describeError(failure));
    } finally {
      setAdding(false);
      inputRef.current?.focus();
    }
  }

  return (
    <Form onSubmit={(event) => void submit(event)} className="add-lesson" aria-label="Add a lesson">
      <TextField
        label="New lesson title"
        hideLabel
        value={title}
        onChange={(value) => {
          setTitle(value);
          if (error) setError(undefined);
        }}
        error={error}
        placeholder="New lesson title, e.g. “Solving for x”"
        inputRef={inputRef}
        className="add-lesson-field"
        name="lessonTitle"
      />
      <Button variant="primary" type="submit" isPending={isAdding} isDisabled={isDisabled ?? false}>
        <Plus size={16} aria-hidden="true" />
        Add lesson
      </Button>
    </Form>
  );
}
