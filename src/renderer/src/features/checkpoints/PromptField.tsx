import { useId } from 'react';
import { FieldError, Label, Text, TextArea, TextField } from 'react-aria-components';
import { renderMarkdown } from '@shared/checkpoints/markdown';
import { cx } from '../../lib/classNames';
import field from '../../ui/Field.module.css';
import styles from './PromptField.module.css';

interface PromptFieldProps {
  value: string;
  onChange: (value: string) => void;
  error: string | undefined;
}

/**
 * The question in Markdown beside what learners will see. The preview is `renderMarkdown`'s output, which escapes
 * every character before adding its own markup, so typed HTML shows as text here exactly as in the player.
 */
export function PromptField({ value, onChange, error }: PromptFieldProps) {
  const previewId = useId();
  return (
    <div className={styles.prompt}>
      <TextField
        className={field.field}
        value={value}
        onChange={onChange}
        isInvalid={Boolean(error)}
        validationBehavior="aria"
        autoFocus
      >
        <Label className={field.label}>Question</Label>
        <TextArea className={cx(field.input, field.textarea, styles.input)} rows={5} aria-describedby={previewId} />
        {!error && (
          <Text slot="description" className={field.description}>
            The preview beside it shows what learners will see.
          </Text>
        )}
        <FieldError className={field.error}>{error}</FieldError>
      </TextField>
      <div className={styles.previewColumn}>
        <span className={field.label} aria-hidden="true">
          Learners see
        </span>
        <div
          id={previewId}
          className={styles.preview}
          role="region"
          aria-label="Learners see"
          data-testid="prompt-preview"
          // Safe by construction: renderMarkdown escapes first and only adds fixed tags (see shared/checkpoints/markdown.ts).
          dangerouslySetInnerHTML={{
            __html: value.trim()
              ? renderMarkdown(value)
              : `<p class="${styles.empty ?? ''}">Your question appears here.</p>`,
          }}
        />
      </div>
    </div>
  );
}
