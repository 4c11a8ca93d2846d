import type { Ref } from 'react';
import { FieldError, Input, Label, Text, TextArea, TextField as AriaTextField } from 'react-aria-components';

interface TextFieldProps {
  label: string;
  value: string;
  onChange: (value: string) => void;
  /** A message from the service for this field; shown under it and marks it invalid. */
  error?: string | undefined;
  description?: string;
  multiline?: boolean;
  autoFocus?: boolean;
  isRequired?: boolean;
  placeholder?: string;
  /** Hides the label visually; it still names the field for screen readers. */
  hideLabel?: boolean;
  inputRef?: Ref<HTMLInputElement>;
  className?: string;
  name?: string;
}

export function TextField(props: TextFieldProps) {
  const {
    label,
    value,
    onChange,
    error,
    description,
    multiline,
    autoFocus,
    isRequired,
    placeholder,
    hideLabel,
    inputRef,
    className,
    name,
  } = props;
  return (
    <AriaTextField
      className={['field', className ?? ''].filter(Boolean).join(' ')}
      value={value}
      onChange={onChange}
      isInvalid={Boolean(error)}
      isRequired={isRequired ?? false}
      validationBehavior="aria"
      autoFocus={autoFocus ?? false}
      name={name ?? ''}
      aria-label={hideLabel ? label : undefined}
    >
      {!hideLabel && (
        <Label className="field-label">
          {label}
          {!isRequired && <span className="field-optional"> (optional)</span>}
        </Label>
      )}
      {multiline ? (
        <TextArea className="field-input field-textarea" placeholder={placeholder} rows={3} />
      ) : (
        <Input className="field-input" placeholder={placeholder} ref={inputRef} />
      )}
      {description && !error && (
        <Text slot="description" className="field-description">
          {description}
        </Text>
      )}
      <FieldError className="field-error">{error}</FieldError>
    </AriaTextField>
  );
}
