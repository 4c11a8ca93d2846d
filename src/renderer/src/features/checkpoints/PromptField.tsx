import { useId } from 'react';
import { FieldError, Label, Text, TextArea, TextField } from 'react-aria-components';
import { renderMarkdown } from '@shared/checkpoints/markdown';

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
    <div className="prompt-field">
      <TextField
        className="field"
        value={value}
        onChange={onChange}
        isInvalid={Boolean(error)}
        validationBehavior="aria"
        autoFocus
      >
        <Label className="field-label">Question</Label>
        <TextArea className="field-input field-textarea prompt-input" rows={5} aria-describedby={previewId} />
        {!error && (
          <Text slot="description" className="field-description">
            **bold**, *italic*, `code`, lists, [links](https://…)
          </Text>
        )}
        <FieldError className="field-error">{error}</FieldError>
      </TextField>
      <div className="prompt-preview-wrap">
        <span className="field-label" aria-hidden="true">
          Learners see
        </span>
        <div
          id={previewId}
          className="prompt-preview markdown"
          role="region"
          aria-label="Learners see"
          data-testid="prompt-preview"
          // Safe by construction: renderMarkdown escapes first and only adds fixed tags (see shared/checkpoints/markdown.ts).
          dangerouslySetInnerHTML={{
            __html: value.trim()
              ? renderMarkdown(value)
              : '<p class="prompt-preview-empty">Your question appears here.</p>',
          }}
        />
      </div>
    </div>
  );
}
