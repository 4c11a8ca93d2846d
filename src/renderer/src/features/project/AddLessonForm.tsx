import { useEffect, useRef, useState, type SyntheticEvent } from 'react';
import { Form } from 'react-aria-components';
import { Plus } from 'lucide-react';
import { Button } from '../../ui/Button';
import { TextField } from '../../ui/TextField';
import { describeError, fieldErrors } from '../../lib/errors';
import styles from './AddLessonForm.module.css';

/** Enter adds the lesson and leaves the cursor in the field, so a teacher can type a whole unit in one go. */
export function AddLessonForm({
  onAdd,
  isDisabled,
  takeFocus = false,
}: {
  onAdd: (title: string) => Promise<unknown>;
  isDisabled?: boolean;
  /** A project without lessons: adding one is the next thing to do, so the cursor goes here. */
  takeFocus?: boolean;
}) {
  const [title, setTitle] = useState('');
  const [error, setError] = useState<string | undefined>();
  const [isAdding, setAdding] = useState(false);
  const inputRef = useRef<HTMLInputElement>(null);
  useEffect(() => {
    if (takeFocus) inputRef.current?.focus();
  }, [takeFocus]);

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
    <Form onSubmit={(event) => void submit(event)} className={styles.form} aria-label="Add a lesson">
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
        className={styles.field}
        name="lessonTitle"
      />
      <Button
        variant="primary"
        type="submit"
        isPending={isAdding}
        isDisabled={isDisabled ?? false}
        className={styles.submit}
      >
        <Plus size={16} aria-hidden="true" />
        Add lesson
      </Button>
    </Form>
  );
}
