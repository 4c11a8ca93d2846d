import { Meter } from 'react-aria-components';
import { Mic, MicOff } from 'lucide-react';
import { ToggleButton } from '../../ui/Button';
import { cx } from '../../lib/classNames';
import styles from './MicMeter.module.css';

/** The microphone's live level; a muted microphone shows an empty meter and says so. */
function MicMeter({ level, muted }: { level: number; muted: boolean }) {
  const value = muted ? 0 : Math.round(level * 100);
  return (
    <Meter
      className={styles.meter}
      value={value}
      aria-label="Microphone level"
      valueLabel={muted ? 'Muted' : `${value}%`}
    >
      <div className={styles.track} aria-hidden="true">
        <div className={cx(styles.fill, value > 90 && styles.loud)} style={{ transform: `scaleX(${value / 100})` }} />
      </div>
    </Meter>
  );
}

/** The microphone's level with its Mute button beside it, while setting up and while recording. */
export function MicControls({
  level,
  muted,
  onMute,
}: {
  level: number;
  muted: boolean;
  onMute: (muted: boolean) => void;
}) {
  return (
    <div className={styles.controls}>
      <MicMeter level={level} muted={muted} />
      <ToggleButton className={styles.mute} isSelected={muted} onChange={onMute} aria-label="Mute microphone">
        {muted ? <MicOff size={16} aria-hidden="true" /> : <Mic size={16} aria-hidden="true" />}
        {muted ? 'Muted' : 'Mute'}
      </ToggleButton>
    </div>
  );
}
