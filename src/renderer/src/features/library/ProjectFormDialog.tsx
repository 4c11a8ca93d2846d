import { useEffect, useState, type SyntheticEvent } from 'react';
import type { Project } from '@shared/library/schemas';
import { Button } from '../../ui/Button';
import { Banner } from '../../ui/Banner';
import { Dialog, DialogActions, DialogForm, DialogLead } from '../../ui/Dialog';
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
      <DialogForm onSubmit={(event) => void submit(event)}>
        {!isEditing && (
          <DialogLead>A project holds the lessons of one unit or course. You can change its name later.</DialogLead>
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
          <Banner tone="error" role="alert" as="p">
            {errors.form}
          </Banner>
        )}
        <DialogActions>
          <Button variant="ghost" slot="close">
            Cancel
          </Button>
          <Button variant="primary" type="submit" isPending={isSaving}>
            {isEditing ? 'Save' : 'Create project'}
          </Button>
        </DialogActions>
      </DialogForm>
    </Dialog>
  );
}
