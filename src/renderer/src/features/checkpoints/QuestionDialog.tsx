import type { SyntheticEvent } from 'react';
import { Dialog } from 'react-aria-components';
import type { CheckpointInput, CheckpointType } from '@shared/checkpoints/schema';
import { formatTimecode, type LessonMap } from '@shared/timeline';
import { Button } from '../../ui/Button';
import { DialogHeading, ModalFrame } from '../../ui/Dialog';
import field from '../../ui/Field.module.css';
import { Radio, RadioGroup } from '../../ui/Radio';
import { AnswerFields } from './AnswerFields';
import { PromptField } from './PromptField';
import type { QuestionDraft } from './questionDraft';
import { QUESTION_TYPES } from './questionTypes';
import { FeedbackFields, ScoringFields } from './ScoringFields';
import { useQuestionForm } from './useQuestionForm';
import styles from './QuestionDialog.module.css';

export interface QuestionDialogProps {
  /** The question being written; null when the dialog is closed. */
  draft: { draft: QuestionDraft; isNew: boolean } | null;
  map: LessonMap;
  /** Whether a key moment lies before the question, for the default rewatch point's wording. */
  hasMomentBefore: (sourceMs: number) => boolean;
  onClose: () => void;
  /** Answers false when the document refused it (the toast says why), so the dialog stays open. */
  onSave: (input: CheckpointInput, isNew: boolean) => boolean;
}

/** A question's editor: its type, prompt, answer, feedback and scoring, checked as the teacher types. */
export function QuestionDialog({ draft, map, hasMomentBefore, onClose, onSave }: QuestionDialogProps) {
  return (
    <ModalFrame size="large" isOpen={draft !== null} onOpenChange={(open) => !open && onClose()}>
      <Dialog className={styles.dialog} aria-label={draft?.isNew ? 'New question' : 'Edit question'}>
        {draft && (
          <QuestionForm
            key={draft.draft.id}
            initial={draft.draft}
            isNew={draft.isNew}
            map={map}
            hasMomentBefore={hasMomentBefore}
            onClose={onClose}
            onSave={onSave}
          />
        )}
      </Dialog>
    </ModalFrame>
  );
}

interface QuestionFormProps extends Pick<QuestionDialogProps, 'map' | 'hasMomentBefore' | 'onClose' | 'onSave'> {
  initial: QuestionDraft;
  isNew: boolean;
}

function QuestionForm({ initial, isNew, map, hasMomentBefore, onClose, onSave }: QuestionFormProps) {
  const form = useQuestionForm(initial, map);
  const { draft } = form;
  const at = map.sourceToLesson(draft.sourceMs);
  const submit = (event: SyntheticEvent) => {
    event.preventDefault();
    if (form.valid && onSave(form.input, isNew)) onClose();
  };
  return (
    <form className={styles.form} onSubmit={submit} noValidate>
      <header className={styles.head}>
        <DialogHeading className={styles.title}>{isNew ? 'New question' : 'Edit question'}</DialogHeading>
        <span className={styles.when}>
          {at.kind === 'removed'
            ? 'In a cut-out part: learners will not see it'
            : `Stops the video at ${formatTimecode(at.lessonMs)}`}
        </span>
      </header>
      <div className={styles.body}>
        <RadioGroup
          label="Type"
          orientation="horizontal"
          value={draft.type}
          onChange={(type) => form.update({ type: type as CheckpointType })}
        >
          {QUESTION_TYPES.map(({ type, label, icon: Icon }) => (
            <Radio key={type} value={type}>
              <Icon size={15} aria-hidden="true" />
              {label}
            </Radio>
          ))}
        </RadioGroup>
        <PromptField
          value={draft.prompt}
          onChange={(prompt) => form.update({ prompt })}
          error={form.errorAt('prompt')}
        />
        <section className={styles.section} aria-label="Answer">
          <AnswerFields form={form} />
        </section>
        <section className={styles.section} aria-labelledby="question-feedback-title">
          <h3 id="question-feedback-title" className={styles.sectionTitle}>
            Feedback <span className={field.optional}>(optional)</span>
          </h3>
          <FeedbackFields form={form} />
        </section>
        <section className={styles.section} aria-labelledby="question-scoring-title">
          <h3 id="question-scoring-title" className={styles.sectionTitle}>
            Scoring and retries
          </h3>
          <ScoringFields form={form} hasMoments={hasMomentBefore(draft.sourceMs)} />
        </section>
      </div>
      <footer className={styles.foot}>
        <p className={styles.todo} role="status">
          {form.firstError && `To save: ${form.firstError}`}
        </p>
        <Button variant="ghost" onPress={onClose}>
          Cancel
        </Button>
        <Button variant="primary" type="submit" isDisabled={!form.valid}>
          {isNew ? 'Add question' : 'Save question'}
        </Button>
      </footer>
    </form>
  );
}
