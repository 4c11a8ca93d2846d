import { Plus, X } from 'lucide-react';
import type { Matching } from '@shared/checkpoints/schema';
import { Button, IconButton } from '../../ui/Button';
import { Checkbox } from '../../ui/Checkbox';
import field from '../../ui/Field.module.css';
import { Radio, RadioGroup } from '../../ui/Radio';
import { TextField } from '../../ui/TextField';
import { ChoicesField } from './ChoicesField';
import { FieldPair } from './FieldPair';
import type { QuestionForm } from './useQuestionForm';
import styles from './AnswerFields.module.css';

const MATCHING: readonly [keyof Matching, string][] = [
  ['ignoreCase', 'Ignore capitals: “paris” matches “Paris”'],
  ['ignoreAccents', 'Ignore accents: “e” matches “é”'],
  ['ignoreSpacing', 'Ignore spaces: “x=2” matches “x = 2”'],
  ['ignorePunctuation', 'Ignore punctuation (turn off for answers like 3.5 or e.g.)'],
];

function TrueFalseField({ form }: { form: QuestionForm }) {
  const value = form.draft.trueFalse === null ? null : String(form.draft.trueFalse);
  return (
    <RadioGroup
      label="The statement is"
      value={value}
      onChange={(answer) => form.update({ trueFalse: answer === 'true' })}
      isInvalid={Boolean(form.errorAt('answer'))}
      error={form.errorAt('answer')}
    >
      <Radio value="true">True</Radio>
      <Radio value="false">False</Radio>
    </RadioGroup>
  );
}

function ShortAnswerFields({ form }: { form: QuestionForm }) {
  const { draft, accepted } = form;
  const error = form.errorUnder('accepted');
  return (
    <div className={styles.answerFields}>
      <fieldset className={styles.group}>
        <legend className={field.label}>Accepted answers</legend>
        <ol className={styles.accepted}>
          {draft.accepted.map((answer, index) => (
            <li key={index} className={styles.acceptedRow}>
              <TextField
                label={`Accepted answer ${index + 1}`}
                hideLabel
                placeholder={index === 0 ? 'e.g. Paris' : 'Another way to say it'}
                value={answer}
                onChange={(text) => accepted.change(index, text)}
              />
              <IconButton
                aria-label={`Remove accepted answer ${index + 1}`}
                isDisabled={draft.accepted.length === 1}
                onPress={() => accepted.remove(index)}
              >
                <X size={15} aria-hidden="true" />
              </IconButton>
            </li>
          ))}
        </ol>
        {error && <p className={field.error}>{error}</p>}
        <Button variant="ghost" className={styles.add} onPress={accepted.add} isDisabled={!accepted.canAdd}>
          <Plus size={16} aria-hidden="true" />
          Add another accepted answer
        </Button>
      </fieldset>
      <fieldset className={styles.group}>
        <legend className={field.label}>When checking an answer</legend>
        {MATCHING.map(([key, label]) => (
          <Checkbox
            key={key}
            isSelected={draft.matching[key]}
            onChange={(on) => form.update({ matching: { ...draft.matching, [key]: on } })}
          >
            {label}
          </Checkbox>
        ))}
      </fieldset>
    </div>
  );
}

function NumericFields({ form }: { form: QuestionForm }) {
  const { draft } = form;
  return (
    <div className={styles.answerFields}>
      <RadioGroup
        label="The right answer is"
        value={draft.numericKind}
        onChange={(kind) => form.update({ numericKind: kind === 'range' ? 'range' : 'value' })}
      >
        <Radio value="value">A value, give or take</Radio>
        <Radio value="range">Any value in a range</Radio>
      </RadioGroup>
      {draft.numericKind === 'value' ? (
        <FieldPair className={styles.pair}>
          <TextField
            label="Value"
            isRequired
            value={draft.value}
            onChange={(value) => form.update({ value })}
            error={form.errorAt('answer.value')}
            placeholder="e.g. 3.5"
          />
          <TextField
            label="Give or take (±)"
            isRequired
            value={draft.tolerance}
            onChange={(tolerance) => form.update({ tolerance })}
            error={form.errorAt('answer.tolerance')}
          />
        </FieldPair>
      ) : (
        <FieldPair className={styles.pair}>
          <TextField
            label="From"
            isRequired
            value={draft.min}
            onChange={(min) => form.update({ min })}
            error={form.errorAt('answer.min')}
          />
          <TextField
            label="To"
            isRequired
            value={draft.max}
            onChange={(max) => form.update({ max })}
            error={form.errorAt('answer.max')}
          />
        </FieldPair>
      )}
    </div>
  );
}

/** The right answer, in the form the question's type needs. */
export function AnswerFields({ form }: { form: QuestionForm }) {
  switch (form.draft.type) {
    case 'single':
    case 'multiple':
      return <ChoicesField form={form} />;
    case 'trueFalse':
      return <TrueFalseField form={form} />;
    case 'shortAnswer':
      return <ShortAnswerFields form={form} />;
    case 'numeric':
      return <NumericFields form={form} />;
  }
}
