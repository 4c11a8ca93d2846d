import { Checkbox, Label, Radio, RadioGroup } from 'react-aria-components';
import { Check } from 'lucide-react';
import { TextField } from '../../ui/TextField';
import type { RewatchKind } from './questionDraft';
import type { QuestionForm } from './useQuestionForm';

/** What learners read after answering, in Markdown. */
export function FeedbackFields({ form }: { form: QuestionForm }) {
  const { draft } = form;
  return (
    <div className="field-pair">
      <TextField
        label="Feedback when right"
        multiline
        value={draft.feedbackCorrect}
        onChange={(feedbackCorrect) => form.update({ feedbackCorrect })}
        error={form.errorAt('feedback.correct')}
        placeholder="Why it is right"
      />
      <TextField
        label="Feedback when wrong"
        multiline
        value={draft.feedbackIncorrect}
        onChange={(feedbackIncorrect) => form.update({ feedbackIncorrect })}
        error={form.errorAt('feedback.incorrect')}
        placeholder="A hint, or where to look again"
      />
    </div>
  );
}

/** Points, whether it must be answered, how many tries, and where a wrong answer sends the learner back to. */
export function ScoringFields({ form, hasMoments }: { form: QuestionForm; hasMoments: boolean }) {
  const { draft } = form;
  return (
    <div className="scoring-fields">
      <div className="scoring-row">
        <TextField
          label="Points"
          isRequired
          className="points-field"
          value={draft.points}
          onChange={(points) => form.update({ points })}
          error={form.errorAt('points')}
        />
        <Checkbox className="checkbox" isSelected={draft.required} onChange={(required) => form.update({ required })}>
          <span className="checkbox-box" aria-hidden="true">
            <Check size={12} />
          </span>
          Required: learners must answer it to go on
        </Checkbox>
      </div>
      <div className="scoring-row">
        <RadioGroup
          className="radio-row"
          value={draft.limitAttempts ? 'limited' : 'unlimited'}
          onChange={(value) => form.update({ limitAttempts: value === 'limited' })}
        >
          <Label className="field-label">Attempts</Label>
          <div className="radio-options">
            <Radio value="unlimited" className="radio-chip">
              Unlimited
            </Radio>
            <Radio value="limited" className="radio-chip">
              Limited
            </Radio>
          </div>
        </RadioGroup>
        {draft.limitAttempts && (
          <TextField
            label="Number of attempts"
            isRequired
            className="points-field"
            value={draft.attempts}
            onChange={(attempts) => form.update({ attempts })}
            error={form.errorAt('attemptsAllowed')}
          />
        )}
      </div>
      <div className="scoring-row">
        <RadioGroup
          className="radio-row"
          value={draft.rewatch}
          onChange={(rewatch) => form.update({ rewatch: rewatch as RewatchKind })}
        >
          <Label className="field-label">After a wrong answer, rewatch from</Label>
          <div className="radio-options">
            <Radio value="previousMarker" className="radio-chip">
              {hasMoments ? 'The key moment before it' : 'The start (no key moment before it)'}
            </Radio>
            <Radio value="sourceMs" className="radio-chip">
              A time I choose
            </Radio>
            <Radio value="none" className="radio-chip">
              Don’t rewind
            </Radio>
          </div>
        </RadioGroup>
        {draft.rewatch === 'sourceMs' && (
          <TextField
            label="Rewatch from (m:ss.t)"
            isRequired
            className="points-field"
            value={draft.rewatchAt}
            onChange={(rewatchAt) => form.update({ rewatchAt })}
            error={form.errorAt('rewatchFrom.sourceMs')}
            placeholder="0:04.5"
          />
        )}
      </div>
    </div>
  );
}
