import { Checkbox } from '../../ui/Checkbox';
import { Radio, RadioGroup } from '../../ui/Radio';
import { TextField } from '../../ui/TextField';
import { FieldPair } from './FieldPair';
import type { RewatchKind } from './questionDraft';
import type { QuestionForm } from './useQuestionForm';
import styles from './ScoringFields.module.css';

/** What learners read after answering, in Markdown. */
export function FeedbackFields({ form }: { form: QuestionForm }) {
  const { draft } = form;
  return (
    <FieldPair>
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
    </FieldPair>
  );
}

/** Points, whether it must be answered, how many tries, and where a wrong answer sends the learner back to. */
export function ScoringFields({ form, hasMoments }: { form: QuestionForm; hasMoments: boolean }) {
  const { draft } = form;
  return (
    <div className={styles.scoring}>
      <div className={styles.row}>
        <TextField
          label="Points"
          isRequired
          className={styles.small}
          value={draft.points}
          onChange={(points) => form.update({ points })}
          error={form.errorAt('points')}
        />
        <Checkbox
          className={styles.required}
          isSelected={draft.required}
          onChange={(required) => form.update({ required })}
        >
          Required: learners must answer it to go on
        </Checkbox>
      </div>
      <div className={styles.row}>
        <RadioGroup
          label="Attempts"
          value={draft.limitAttempts ? 'limited' : 'unlimited'}
          onChange={(value) => form.update({ limitAttempts: value === 'limited' })}
        >
          <Radio value="unlimited">Unlimited</Radio>
          <Radio value="limited">Limited</Radio>
        </RadioGroup>
        {draft.limitAttempts && (
          <TextField
            label="Number of attempts"
            isRequired
            className={styles.small}
            value={draft.attempts}
            onChange={(attempts) => form.update({ attempts })}
            error={form.errorAt('attemptsAllowed')}
          />
        )}
        {draft.limitAttempts && (
          <Checkbox isSelected={draft.revealAnswer} onChange={(revealAnswer) => form.update({ revealAnswer })}>
            Show the right answer after the last attempt
          </Checkbox>
        )}
      </div>
      <div className={styles.row}>
        <RadioGroup
          label="After a wrong answer, rewatch from"
          value={draft.rewatch}
          onChange={(rewatch) => form.update({ rewatch: rewatch as RewatchKind })}
        >
          <Radio value="previousMarker">
            {hasMoments ? 'The key moment before it' : 'The start (no key moment before it)'}
          </Radio>
          <Radio value="sourceMs">A time I choose</Radio>
          <Radio value="none">Don’t rewind</Radio>
        </RadioGroup>
        {draft.rewatch === 'sourceMs' && (
          <TextField
            label="Rewatch from (m:ss.t)"
            isRequired
            className={styles.small}
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
