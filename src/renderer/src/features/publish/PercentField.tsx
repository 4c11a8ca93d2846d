import { Group, Input, Label, NumberField, Text } from 'react-aria-components';
import field from '../../ui/Field.module.css';

/** A share from 0 to 100 %, typed or stepped, with what it means under it. */
export function PercentField({
  label,
  value,
  onChange,
  description,
}: {
  label: string;
  value: number;
  onChange: (value: number) => void;
  description: string;
}) {
  return (
    <NumberField
      className={field.field}
      value={value}
      onChange={(next) => onChange(Number.isNaN(next) ? 0 : next)}
      minValue={0}
      maxValue={100}
      step={1}
      formatOptions={{ maximumFractionDigits: 1 }}
    >
      <Label className={field.label}>{label} (%)</Label>
      <Group>
        <Input className={field.input} />
      </Group>
      <Text slot="description" className={field.description}>
        {description}
      </Text>
    </NumberField>
  );
}
