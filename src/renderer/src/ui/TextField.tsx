import type { Ref } from 'react';
import { FieldError, Input, Label, Text, TextArea, TextField as AriaTextField } from 'react-aria-components';
import { cx } from '../lib/classNames';
import field from './Field.module.css';

interface TextFieldProps {
  label: string;
  value: string;
  onChange: (value: string) => void;
  /** A message from the service for this field; shown under it and marks it invalid. */
  error?: string | undefined;
  description?: string;
  multiline?: boolean;
  autoFocus?: boolean;
  /** Selects the text when the field gets focus, so a suggested value is typed over (a new key moment's title). */
  selectOnFocus?: boolean;
  isRequired?: boolean;
  placeholder?: string;
  /** Hides the label visually; it still names the field for screen readers. */
  hideLabel?: boolean;
  /** sm for a secondary field under another (a choice's feedback). */
  size?: 'md' | 'sm';
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
    selectOnFocus,
    isRequired,
    placeholder,
    hideLabel,
    size,
    inputRef,
    className,
    name,
  } = props;
  return (
    <AriaTextField
      className={cx(field.field, className)}
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
        <Label className={field.label}>
          {label}
          {!isRequired && <span className={field.optional}> (optional)</span>}
        </Label>
      )}
      {multiline ? (
        <TextArea className={cx(field.input, field.textarea)} placeholder={placeholder} rows={3} />
      ) : (
        <Input
          className={cx(field.input, size === 'sm' && field.inputSmall)}
          placeholder={placeholder}
          ref={inputRef}
          onFocus={selectOnFocus ? (event) => event.currentTarget.select() : undefined}
        />
      )}
      {description && !error && (
        <Text slot="description" className={field.description}>
          {description}
        </Text>
      )}
      <FieldError className={field.error}>{error}</FieldError>
    </AriaTextField>
  );
}
