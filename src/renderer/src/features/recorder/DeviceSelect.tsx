import {
  Button as AriaButton,
  Label,
  ListBox,
  ListBoxItem,
  Popover,
  Select,
  SelectValue,
  type Key,
} from 'react-aria-components';
import { ChevronDown } from 'lucide-react';
import type { DeviceOption } from './useDeviceList';

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
      className="device-select"
      value={selected}
      onChange={(key: Key | null) => key !== null && onChange(String(key))}
      isDisabled={(isDisabled ?? false) || devices.length === 0}
      placeholder={devices.length === 0 ? 'None found' : 'Choose…'}
    >
      <Label className="field-label">{label}</Label>
      <AriaButton className="select-button device-select-button">
        <SelectValue className="device-select-value" />
        <ChevronDown size={16} aria-hidden="true" />
      </AriaButton>
      <Popover className="popover" placement="bottom start">
        <ListBox className="menu" items={devices}>
          {(device) => (
            <ListBoxItem id={device.id} className="menu-item">
              {device.label}
            </ListBoxItem>
          )}
        </ListBox>
      </Popover>
    </Select>
  );
}
