import { screenName } from './screenName';
import { Circle } from 'lucide-react';
import { cx } from '../../lib/classNames';
import { Button } from '../../ui/Button';
import { SegmentedControl, SegmentedItem } from '../../ui/SegmentedControl';
import { Switch } from '../../ui/Switch';
import field from '../../ui/Field.module.css';
import { DeviceSelect } from './DeviceSelect';
import { MicControls } from './MicMeter';
import { usesCamera, usesScreen, type RecordingMode } from './mediaDevices';
import type { RecorderSetup } from './useRecorderSetup';
import panel from './panel.module.css';
import styles from './RecorderSetupPanel.module.css';

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
    <div className={cx(panel.body, styles.panel)}>
      <div className={panel.group}>
        <span className={field.label} id="mode-label">
          Record
        </span>
        <SegmentedControl
          aria-labelledby="mode-label"
          fill
          selectionMode="single"
          disallowEmptySelection
          selectedKeys={[mode]}
          onSelectionChange={(keys) => {
            const next = MODES.find((item) => keys.has(item.id));
            if (next) setup.setMode(next.id);
          }}
        >
          {MODES.map(({ id, label }) => (
            <SegmentedItem key={id} id={id}>
              {label}
            </SegmentedItem>
          ))}
        </SegmentedControl>
      </div>

      {usesScreen(mode) && (
        <div className={panel.group}>
          <span className={field.label}>Screen</span>
          <div className={styles.screenChoice}>
            <span className={styles.screenName}>
              {screen.stream ? screenName(screen.stream.getVideoTracks()[0]?.label) : 'Not chosen yet'}
            </span>
            <Button onPress={onChooseScreen}>{screen.stream ? 'Change…' : 'Choose screen…'}</Button>
          </div>
        </div>
      )}

      {usesCamera(mode) && (
        <DeviceSelect label="Camera" devices={camera.devices} value={camera.deviceId} onChange={camera.setDeviceId} />
      )}

      <div className={panel.group}>
        <DeviceSelect
          label="Microphone"
          devices={microphone.devices}
          value={microphone.deviceId}
          onChange={microphone.setDeviceId}
        />
        <MicControls level={microphone.level} muted={microphone.muted} onMute={microphone.setMuted} />
      </div>

      <Switch isSelected={setup.countdownOn} onChange={setup.setCountdownOn}>
        3-2-1 countdown before recording
      </Switch>

      <Button
        variant="danger"
        size="lg"
        className={styles.record}
        onPress={onRecord}
        isDisabled={isBusy || setup.needsCamera}
      >
        <Circle size={18} fill="currentColor" aria-hidden="true" />
        Record
      </Button>
      {setup.needsScreen && (
        <p className={cx('hint', styles.recordHint)}>Pressing Record asks which screen to share first.</p>
      )}
    </div>
  );
}
