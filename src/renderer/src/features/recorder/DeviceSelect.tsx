import { Label, Select, SelectValue, type Key } from 'react-aria-components';
import { ChevronDown } from 'lucide-react';
import { MenuPopover, OptionItem, OptionList, SelectButton } from '../../ui/Menu';
import field from '../../ui/Field.module.css';
import type { DeviceOption } from './useDeviceList';
import styles from './DeviceSelect.module.css';

interface DeviceSelectProps {
  label: string;
  devices: DeviceOption[];
  value: string | null;
  onChange: (deviceId: string) => void;
  isDisabled?: boolean;
}

/** A camera or microphone chooser; the first device stands in until the teacher picks one. */
export function DeviceSelect({ label, devices, value, onChange, isDisabled }: DeviceSelectProps) {
  const selected = value && devices.some((device) => device.id === value) ? value : (devices[0]?.id ?? null);
  return (
    <Select
      className={styles.select}
      value={selected}
      onChange={(key: Key | null) => key !== null && onChange(String(key))}
      isDisabled={(isDisabled ?? false) || devices.length === 0}
      placeholder={devices.length === 0 ? 'None found' : 'Choose…'}
    >
      <Label className={field.label}>{label}</Label>
      <SelectButton className={styles.button}>
        <SelectValue className={styles.value} />
        <ChevronDown size={16} aria-hidden="true" />
      </SelectButton>
      <MenuPopover placement="bottom start">
        <OptionList items={devices}>{(device) => <OptionItem id={device.id}>{device.label}</OptionItem>}</OptionList>
      </MenuPopover>
    </Select>
  );
}
