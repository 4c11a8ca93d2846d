import { useId } from 'react';
import { ArrowDown, ArrowUp, Plus, Trash2 } from 'lucide-react';
import { Button, IconButton } from '../../ui/Button';
import { Checkbox } from '../../ui/Checkbox';
import field from '../../ui/Field.module.css';
import { TextField } from '../../ui/TextField';
import type { QuestionForm } from './useQuestionForm';
import styles from './ChoicesField.module.css';

/**
 * The answer choices: text, which are right (a radio for one answer, a checkbox for several), feedback for a
 * learner who picks each, and their order. Native radios, because a radio group would take the arrow keys from the
 * text fields between them.
 */
export function ChoicesField({ form }: { form: QuestionForm }) {
  const { draft, choices } = form;
  const name = useId();
  const multiple = draft.type === 'multiple';
  const listError = form.errorAt('choices');
  return (
    <fieldset className={styles.choices} aria-describedby={listError ? `${name}-error` : undefined}>
      <legend className={field.label}>
        Choices {multiple ? '(tick every right answer)' : '(mark the right answer)'}
      </legend>
      <ol className={styles.list}>
        {draft.choices.map((choice, index) => {
          const label = `Choice ${index + 1}`;
          return (
            <li key={choice.id} className={styles.row}>
              <label className={styles.mark} title={multiple ? 'A right answer' : 'The right answer'}>
                <input
                  type={multiple ? 'checkbox' : 'radio'}
                  name={name}
                  checked={choice.correct}
                  onChange={(event) => choices.markCorrect(choice.id, event.currentTarget.checked)}
                  aria-label={`${label} is ${multiple ? 'a' : 'the'} right answer`}
                />
              </label>
              <div className={styles.fields}>
                <TextField
                  label={label}
                  hideLabel
                  placeholder={label}
                  value={choice.text}
                  onChange={(text) => choices.change(choice.id, { text })}
                  error={form.errorAt(`choices.${index}.text`)}
                />
                <TextField
                  label={`Feedback for choice ${index + 1}`}
                  hideLabel
                  placeholder="Feedback when chosen (optional)"
                  size="sm"
                  value={choice.feedback}
                  onChange={(feedback) => choices.change(choice.id, { feedback })}
                  error={form.errorAt(`choices.${index}.feedback`)}
                />
              </div>
              <div className={styles.tools}>
                <IconButton
                  aria-label={`Move ${label} up`}
                  isDisabled={index === 0}
                  onPress={() => choices.move(choice.id, -1)}
                >
                  <ArrowUp size={15} aria-hidden="true" />
                </IconButton>
                <IconButton
                  aria-label={`Move ${label} down`}
                  isDisabled={index === draft.choices.length - 1}
                  onPress={() => choices.move(choice.id, 1)}
                >
                  <ArrowDown size={15} aria-hidden="true" />
                </IconButton>
                <IconButton
                  aria-label={`Remove ${label}`}
                  isDisabled={!choices.canRemove}
                  onPress={() => choices.remove(choice.id)}
                >
                  <Trash2 size={15} aria-hidden="true" />
                </IconButton>
              </div>
            </li>
          );
        })}
      </ol>
      {listError && (
        <p className={field.error} id={`${name}-error`}>
          {listError}
        </p>
      )}
      <div className={styles.foot}>
        <Button variant="ghost" onPress={choices.add} isDisabled={!choices.canAdd}>
          <Plus size={16} aria-hidden="true" />
          Add choice
        </Button>
        {multiple && (
          <Checkbox isSelected={draft.partialCredit} onChange={(partialCredit) => form.update({ partialCredit })}>
            Partial credit for some right answers
          </Checkbox>
        )}
      </div>
    </fieldset>
  );
}
