import { languageHint } from '@shared/format/language';
import type { PublishFormat } from '@shared/publish/options';
import { Checkbox } from '../../ui/Checkbox';
import field from '../../ui/Field.module.css';
import { TextField } from '../../ui/TextField';
import { PercentField } from './PercentField';
import type { PublishDefaults } from './usePublishForm';
import styles from './PublishRules.module.css';

interface PublishRulesProps {
  format: PublishFormat;
  checkpointCount: number;
  settings: PublishDefaults;
  set: <K extends keyof PublishDefaults>(key: K, value: PublishDefaults[K]) => void;
  errors: Record<string, string>;
}

/** How a learner passes and completes, and how the lesson is named where learners find it. */
export function PublishRules({ format, checkpointCount, settings, set, errors }: PublishRulesProps) {
  const text = (key: 'title' | 'description' | 'language' | 'version') => ({
    value: settings[key],
    onChange: (value: string) => set(key, value),
    error: errors[key],
  });
  return (
    <>
      <fieldset className={styles.grid}>
        <legend className={field.label}>Scoring and completion</legend>
        <PercentField
          label="Mastery score"
          value={settings.masteryPercent}
          onChange={(value) => set('masteryPercent', value)}
          description={
            checkpointCount === 0
              ? 'This lesson has no questions, so nothing is scored.'
              : 'The share of points a learner needs to pass.'
          }
        />
        <PercentField
          label="Watched at least"
          value={settings.completion.minWatchedPercent}
          onChange={(value) => set('completion', { ...settings.completion, minWatchedPercent: value })}
          description="Of the lesson, to count as completed."
        />
        <Checkbox
          className={styles.wide}
          isSelected={settings.completion.requireAllRequiredCheckpoints}
          onChange={(value) => set('completion', { ...settings.completion, requireAllRequiredCheckpoints: value })}
        >
          Completed only when every required question is answered
        </Checkbox>
      </fieldset>

      <fieldset className={styles.grid}>
        <legend className={field.label}>{format === 'classServer' ? 'What learners see' : 'What the LMS shows'}</legend>
        <TextField label="Title" {...text('title')} isRequired className={styles.wide} />
        <TextField label="Description" {...text('description')} multiline className={styles.wide} />
        <TextField label="Language" {...text('language')} isRequired description={languageHint(settings.language)} />
        <TextField
          label="Version"
          {...text('version')}
          isRequired
          description="Raise it when you upload a new edition."
        />
      </fieldset>
    </>
  );
}
