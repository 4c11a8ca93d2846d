import { Checkbox, Label, Radio, RadioGroup } from 'react-aria-components';
import { Check, Plus, X } from 'lucide-react';
import type { Matching } from '@shared/checkpoints/schema';
import { Button, IconButton } from '../../ui/Button';
import { TextField } from '../../ui/TextField';
import { ChoicesField } from './ChoicesField';
import type { QuestionForm } from './useQuestionForm';

const MATCHING: readonly [keyof Matching, string][] = [
  ['ignoreCase', 'Ignore capitals: “paris” matches “Paris”'],
  ['ignoreAccents', 'Ignore accents: “e” matches “é”'],
  ['ignoreSpacing', 'Ignore spaces: “x=2” matches “x = 2”'],
  ['ignorePunctuation', 'Ignore punctuation (turn off for answers like 3.5 or e.g.)'],
];

function Switch({
  label,
  isSelected,
  onChange,
}: {
  label: string;
  isSelected: boolean;
  onChange: (value: boolean) => void;
}) {
  return (
    <Checkbox className="checkbox" isSelected={isSelected} onChange={onChange}>
      <span className="checkbox-box" aria-hidden="true">
        <Check size={12} />
      </span>
      {label}
    </Checkbox>
  );
}

function TrueFalseField({ form }: { form: QuestionForm }) {
  const value = form.draft.trueFalse === null ? null : String(form.draft.trueFalse);
  return (
    <RadioGroup
      className="radio-row"
      value={value}
      onChange={(answer) => form.update({ trueFalse: answer === 'true' })}
      isInvalid={Boolean(form.errorAt('answer'))}
    >
      <Label className="field-label">The statement is</Label>
      <div className="radio-options">
        <Radio value="true" className="radio-chip">
          True
        </Radio>
        <Radio value="false" className="radio-chip">
          False
        </Radio>
      </div>
      {form.errorAt('answer') && <p className="field-error">{form.errorAt('answer')}</p>}
    </RadioGroup>
  );
}

function ShortAnswerFields({ form }: { form: QuestionForm }) {
  const { draft, accepted } = form;
  const error = form.errorUnder('accepted');
  return (
    <div className="answer-fields">
      <fieldset className="accepted-field">
        <legend className="field-label">Accepted answers</legend>
        <ol className="accepted-list">
          {draft.accepted.map((answer, index) => (
            <li key={index} className="accepted-row">
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
        {error && <p className="field-error">{error}</p>}
        <Button variant="ghost" onPress={accepted.add} isDisabled={!accepted.canAdd}>
          <Plus size={16} aria-hidden="true" />
          Add another accepted answer
        </Button>
      </fieldset>
      <fieldset className="matching-field">
        <legend className="field-label">When checking an answer</legend>
        {MATCHING.map(([key, label]) => (
          <Switch
            key={key}
            label={label}
            isSelected={draft.matching[key]}
            onChange={(on) => form.update({ matching: { ...draft.matching, [key]: on } })}
          />
        ))}
      </fieldset>
    </div>
  );
}

function NumericFields({ form }: { form: QuestionForm }) {
  const { draft } = form;
  return (
    <div className="answer-fields">
      <RadioGroup
        className="radio-row"
        value={draft.numericKind}
        onChange={(kind) => form.update({ numericKind: kind === 'range' ? 'range' : 'value' })}
      >
        <Label className="field-label">The right answer is</Label>
        <div className="radio-options">
          <Radio value="value" className="radio-chip">
            A value, give or take
          </Radio>
          <Radio value="range" className="radio-chip">
            Any value in a range
          </Radio>
        </div>
      </RadioGroup>
      {draft.numericKind === 'value' ? (
        <div className="field-pair">
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
        </div>
      ) : (
        <div className="field-pair">
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
        </div>
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
