import { Switch, ToggleButton, ToggleButtonGroup } from 'react-aria-components';
import { Circle, Mic, MicOff } from 'lucide-react';
import { Button } from '../../ui/Button';
import { DeviceSelect } from './DeviceSelect';
import { MicMeter } from './MicMeter';
import { usesCamera, usesScreen, type RecordingMode } from './mediaDevices';
import type { RecorderSetup } from './useRecorderSetup';

const MODES: { id: RecordingMode; label: string }[] = [
  { id: 'screen-camera', label: 'Screen + camera' },
  { id: 'screen', label: 'Screen' },
  { id: 'camera', label: 'Camera' },
];

interface RecorderSetupPanelProps {
  setup: RecorderSetup;
  onChooseScreen: () => void;
  onRecord: () => void;
  isBusy: boolean;
}

/** Before recording: what to record and with which devices, then one big Record button. */
export function RecorderSetupPanel({ setup, onChooseScreen, onRecord, isBusy }: RecorderSetupPanelProps) {
  const { mode, screen, camera, microphone } = setup;
  return (
    <div className="recorder-panel-body">
      <div className="panel-group">
        <span className="field-label" id="mode-label">
          Record
        </span>
        <ToggleButtonGroup
          aria-labelledby="mode-label"
          className="segmented mode-switch"
          selectionMode="single"
          disallowEmptySelection
          selectedKeys={[mode]}
          onSelectionChange={(keys) => {
            const next = MODES.find((item) => keys.has(item.id));
            if (next) setup.setMode(next.id);
          }}
        >
          {MODES.map(({ id, label }) => (
            <ToggleButton key={id} id={id} className="segmented-item">
              {label}
            </ToggleButton>
          ))}
        </ToggleButtonGroup>
      </div>

      {usesScreen(mode) && (
        <div className="panel-group">
          <span className="field-label">Screen</span>
          <div className="screen-choice">
            <span className="screen-choice-name">
              {screen.stream ? (screen.stream.getVideoTracks()[0]?.label ?? 'Chosen') : 'Not chosen yet'}
            </span>
            <Button onPress={onChooseScreen}>{screen.stream ? 'Change…' : 'Choose screen…'}</Button>
          </div>
        </div>
      )}

      {usesCamera(mode) && (
        <DeviceSelect label="Camera" devices={camera.devices} value={camera.deviceId} onChange={camera.setDeviceId} />
      )}

      <div className="panel-group">
        <DeviceSelect
          label="Microphone"
          devices={microphone.devices}
          value={microphone.deviceId}
          onChange={microphone.setDeviceId}
        />
        <div className="mic-row">
          <MicMeter level={microphone.level} muted={microphone.muted} />
          <MuteButton muted={microphone.muted} onChange={microphone.setMuted} />
        </div>
      </div>

      <Switch className="switch" isSelected={setup.countdownOn} onChange={setup.setCountdownOn}>
        <span className="switch-track" aria-hidden="true">
          <span className="switch-thumb" />
        </span>
        <span className="switch-label">3-2-1 countdown before recording</span>
      </Switch>

      <Button
        variant="danger"
        size="lg"
        className="record-button"
        onPress={onRecord}
        isDisabled={isBusy || setup.needsCamera}
      >
        <Circle size={18} fill="currentColor" aria-hidden="true" />
        Record
      </Button>
      {setup.needsScreen && <p className="hint panel-hint">Pressing Record asks which screen to share first.</p>}
    </div>
  );
}

export function MuteButton({ muted, onChange }: { muted: boolean; onChange: (muted: boolean) => void }) {
  return (
    <ToggleButton
      className="btn btn-secondary mute-button"
      isSelected={muted}
      onChange={onChange}
      aria-label="Mute microphone"
    >
      {muted ? <MicOff size={16} aria-hidden="true" /> : <Mic size={16} aria-hidden="true" />}
      {muted ? 'Muted' : 'Mute'}
    </ToggleButton>
  );
}
