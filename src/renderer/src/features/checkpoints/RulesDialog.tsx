import { useState, type SyntheticEvent } from 'react';
import { Checkbox, CheckboxGroup, Label, Radio, RadioGroup, Text } from 'react-aria-components';
import { Check } from 'lucide-react';
import type { LessonRules } from '@shared/checkpoints/schema';
import { Button } from '../../ui/Button';
import { Dialog, DialogActions } from '../../ui/Dialog';
import { TextField } from '../../ui/TextField';
import { rulesFromForm, rulesToForm, SPEEDS, type RulesForm } from './rulesForm';

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

function Tick({
  children,
  ...props
}: {
  children: string;
  isSelected?: boolean;
  onChange?: (value: boolean) => void;
  value?: string;
  isDisabled?: boolean;
}) {
  return (
    <Checkbox className="checkbox" {...props}>
      <span className="checkbox-box" aria-hidden="true">
        <Check size={12} />
      </span>
      {children}
    </Checkbox>
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
    <form className="dialog-form rules-form" onSubmit={submit} noValidate>
      <RadioGroup
        className="radio-row"
        value={form.navigation}
        onChange={(value) => update({ navigation: value === 'free' ? 'free' : 'noSkipAhead' })}
      >
        <Label className="field-label">Moving around the video</Label>
        <div className="radio-options">
          <Radio value="noSkipAhead" className="radio-chip">
            No skipping ahead until questions are answered
          </Radio>
          <Radio value="free" className="radio-chip">
            Free: learners may jump anywhere
          </Radio>
        </div>
      </RadioGroup>
      <Tick
        isSelected={form.pauseAgainWhenAnswered}
        onChange={(pauseAgainWhenAnswered) => update({ pauseAgainWhenAnswered })}
      >
        Ask answered questions again when a learner rewatches that part
      </Tick>
      <div className="field-pair">
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
      </div>
      <Tick isSelected={form.requireAll} onChange={(requireAll) => update({ requireAll })}>
        To complete, learners must also answer every required question
      </Tick>
      <CheckboxGroup
        className="radio-row"
        value={form.rates.map(String)}
        onChange={(values) => update({ rates: values.map(Number) })}
      >
        <Label className="field-label">Speeds learners may choose</Label>
        <div className="radio-options speed-options">
          {speeds.map((speed) => (
            <Tick key={speed} value={String(speed)} isDisabled={speed === 1}>
              {`${speed}×`}
            </Tick>
          ))}
        </div>
        <Text slot="description" className="field-description">
          Normal speed (1×) is always allowed.
        </Text>
      </CheckboxGroup>
      {result.errors.other && <p className="field-error">{result.errors.other}</p>}
      <DialogActions>
        <Button variant="ghost" onPress={onClose}>
          Cancel
        </Button>
        <Button variant="primary" type="submit" isDisabled={!result.ok}>
          Save rules
        </Button>
      </DialogActions>
    </form>
  );
}
