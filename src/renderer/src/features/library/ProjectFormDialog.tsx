import { useEffect, useState, type SyntheticEvent } from 'react';
import { Form } from 'react-aria-components';
import type { Project } from '@shared/library/schemas';
import { Button } from '../../ui/Button';
import { Dialog, DialogActions } from '../../ui/Dialog';
import { TextField } from '../../ui/TextField';
import { splitFormError } from '../../lib/errors';

interface ProjectFormDialogProps {
  isOpen: boolean;
  onOpenChange: (isOpen: boolean) => void;
  /** The project being edited; none when creating one. */
  project?: Project | null;
  onSubmit: (values: { title: string; description: string }) => Promise<void>;
}

export function ProjectFormDialog({ isOpen, onOpenChange, project, onSubmit }: ProjectFormDialogProps) {
  const [title, setTitle] = useState('');
  const [description, setDescription] = useState('');
  const [errors, setErrors] = useState<{ fields: Record<string, string>; form: string | null }>({
    fields: {},
    form: null,
  });
  const [isSaving, setSaving] = useState(false);

  useEffect(() => {
    if (!isOpen) return;
    setTitle(project?.title ?? '');
    setDescription(project?.description ?? '');
    setErrors({ fields: {}, form: null });
    // Reset when the dialog opens or names another project, not when its title changes elsewhere: that would wipe
    // what the teacher is typing.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [isOpen, project?.id]);

  async function submit(event: SyntheticEvent) {
    event.preventDefault();
    setSaving(true);
    try {
      await onSubmit({ title, description });
      onOpenChange(false);
    } catch (error) {
      setErrors(splitFormError(error, ['title', 'description']));
    } finally {
      setSaving(false);
    }
  }

  const isEditing = Boolean(project);
  return (
    <Dialog title={isEditing ? 'Rename project' : 'New project'} isOpen={isOpen} onOpenChange={onOpenChange}>
      <Form onSubmit={(event) => void submit(event)} className="dialog-form">
        {!isEditing && (
          <p className="dialog-lead">
            A project holds the lessons of one unit or course. You can change its name later.
          </p>
        )}
        <TextField
          label="Title"
          value={title}
          onChange={setTitle}
          error={errors.fields.title}
          isRequired
          autoFocus
          placeholder="e.g. Algebra I: Linear equations"
          name="title"
        />
        <TextField
          label="Description"
          value={description}
          onChange={setDescription}
          error={errors.fields.description}
          multiline
          placeholder="Who it is for, what it covers"
          name="description"
        />
        {errors.form && (
          <p className="form-error" role="alert">
            {errors.form}
          </p>
        )}
        <DialogActions>
          <Button variant="ghost" slot="close">
            Cancel
          </Button>
          <Button variant="primary" type="submit" isPending={isSaving}>
            {isEditing ? 'Save' : 'Create project'}
          </Button>
        </DialogActions>
      </Form>
    </Dialog>
  );
}
