import { useState, type SyntheticEvent } from 'react';
import { CheckboxGroup, Label, Text } from 'react-aria-components';
import type { LessonRules } from '@shared/checkpoints/schema';
import { Button } from '../../ui/Button';
import { Checkbox } from '../../ui/Checkbox';
import { Dialog, DialogActions, DialogForm } from '../../ui/Dialog';
import field from '../../ui/Field.module.css';
import { Radio, RadioGroup } from '../../ui/Radio';
import { TextField } from '../../ui/TextField';
import { FieldPair } from './FieldPair';
import { rulesFromForm, rulesToForm, SPEEDS, type RulesForm } from './rulesForm';
import styles from './RulesDialog.module.css';

interface RulesDialogProps {
  isOpen: boolean;
  rules: LessonRules;
  onClose: () => void;
  onSave: (rules: LessonRules) => boolean;
}

/** The lesson's rules for learners: one undoable step when saved. */
export function RulesDialog({ isOpen, rules, onClose, onSave }: RulesDialogProps) {
  return (
    <Dialog title="Learner rules" isOpen={isOpen} onOpenChange={(open) => !open && onClose()} size="wide">
      {isOpen && <RulesFields rules={rules} onClose={onClose} onSave={onSave} />}
    </Dialog>
  );
}

function RulesFields({ rules, onClose, onSave }: Omit<RulesDialogProps, 'isOpen'>) {
  const [form, setForm] = useState<RulesForm>(() => rulesToForm(rules));
  const result = rulesFromForm(form);
  const update = (patch: Partial<RulesForm>) => setForm((current) => ({ ...current, ...patch }));
  const submit = (event: SyntheticEvent) => {
    event.preventDefault();
    if (result.ok && onSave(result.rules)) onClose();
  };
  const speeds = [...new Set([...SPEEDS, ...rules.playbackRates])].sort((a, b) => a - b);
  return (
    // Aria validation: the fields say what is wrong as the teacher types, and the browser's own bubbles stay away.
    <DialogForm onSubmit={submit} validationBehavior="aria">
      <RadioGroup
        label="Moving around the video"
        value={form.navigation}
        onChange={(value) => update({ navigation: value === 'free' ? 'free' : 'noSkipAhead' })}
      >
        <Radio value="noSkipAhead">No skipping ahead until questions are answered</Radio>
        <Radio value="free">Free: learners may jump anywhere</Radio>
      </RadioGroup>
      <Checkbox
        isSelected={form.pauseAgainWhenAnswered}
        onChange={(pauseAgainWhenAnswered) => update({ pauseAgainWhenAnswered })}
      >
        Ask answered questions again when a learner rewatches that part
      </Checkbox>
      <RadioGroup
        label="Points for a question come from"
        value={form.scoring}
        onChange={(value) => update({ scoring: value === 'firstAttempt' ? 'firstAttempt' : 'bestAttempt' })}
      >
        <Radio value="bestAttempt">The best attempt: learners may put a wrong answer right</Radio>
        <Radio value="firstAttempt">The first attempt only: later tries are for practice</Radio>
      </RadioGroup>
      <FieldPair>
        <TextField
          label="Mastery threshold (%)"
          isRequired
          value={form.mastery}
          onChange={(mastery) => update({ mastery })}
          error={result.errors.masteryPercent}
          description="The score a learner needs to pass."
        />
        <TextField
          label="Watched at least (%)"
          isRequired
          value={form.minWatched}
          onChange={(minWatched) => update({ minWatched })}
          error={result.errors.minWatchedPercent}
          description="Of the lesson, to count as completed."
        />
      </FieldPair>
      <Checkbox isSelected={form.requireAll} onChange={(requireAll) => update({ requireAll })}>
        To complete, learners must also answer every required question
      </Checkbox>
      <CheckboxGroup
        className={styles.speeds}
        value={form.rates.map(String)}
        onChange={(values) => update({ rates: values.map(Number) })}
      >
        <Label className={field.label}>Speeds learners may choose</Label>
        <div className={styles.speedOptions}>
          {speeds.map((speed) => (
            <Checkbox key={speed} value={String(speed)} isDisabled={speed === 1}>
              {`${speed}×`}
            </Checkbox>
          ))}
        </div>
        <Text slot="description" className={field.description}>
          Normal speed (1×) is always allowed.
        </Text>
      </CheckboxGroup>
      {result.errors.other && <p className={field.error}>{result.errors.other}</p>}
      <DialogActions>
        <Button variant="ghost" onPress={onClose}>
          Cancel
        </Button>
        <Button variant="primary" type="submit" isDisabled={!result.ok}>
          Save rules
        </Button>
      </DialogActions>
    </DialogForm>
  );
}
