import { useState } from 'react';
import { Pause, Play, Square, Trash2 } from 'lucide-react';
import { cx } from '../../lib/classNames';
import { Button } from '../../ui/Button';
import { ConfirmDialog } from '../../ui/ConfirmDialog';
import { shortcutLabel } from '@shared/capture/recordingShortcuts';
import { MOD_KEY } from '../../lib/shortcutKeys';
import { ElapsedClock } from './ElapsedClock';
import { MicControls } from './MicMeter';
import type { RecordingControl } from './useRecordingControl';
import type { RecorderSetup } from './useRecorderSetup';
import field from '../../ui/Field.module.css';
import panel from './panel.module.css';
import styles from './RecordingBar.module.css';

/** While recording: the clock, pause or resume, stop, and discard (which asks first). */
const mac = MOD_KEY === '⌘';

export function RecordingBar({ control, setup }: { control: RecordingControl; setup: RecorderSetup }) {
  const [isConfirming, setConfirming] = useState(false);
  const paused = control.phase === 'paused';
  const stopping = control.phase === 'stopping';
  return (
    <div className={cx(panel.body, styles.bar)}>
      <div className={cx(styles.status, paused && styles.paused)}>
        <span className={styles.dot} aria-hidden="true" />
        <span className={styles.label} data-testid="recording-state">
          {stopping ? 'Saving…' : paused ? 'Paused' : 'Recording'}
        </span>
        <ElapsedClock elapsedMs={control.elapsedMs} />
      </div>

      <div className={styles.actions}>
        {/* Focus follows the press of Record, which this bar replaces. */}
        <Button size="lg" onPress={control.togglePause} isDisabled={stopping} autoFocus>
          {paused ? <Play size={18} aria-hidden="true" /> : <Pause size={18} aria-hidden="true" />}
          {paused ? 'Resume' : 'Pause'}
        </Button>
        <Button size="lg" variant="primary" onPress={() => void control.stop()} isPending={stopping}>
          <Square size={16} fill="currentColor" aria-hidden="true" />
          Stop
        </Button>
      </div>
      <p className={styles.keys}>
        <kbd>{shortcutLabel('togglePause', mac)}</kbd> pauses or resumes, <kbd>{shortcutLabel('stop', mac)}</kbd> stops,
        also while you are in another app.
      </p>

      <div className={panel.group}>
        <span className={field.label}>Microphone</span>
        <MicControls level={setup.microphone.level} muted={setup.microphone.muted} onMute={setup.microphone.setMuted} />
      </div>

      <p className="hint">
        Every second is saved as you go. If the studio closes unexpectedly, you are offered the recording when it opens
        again.
      </p>

      <Button
        variant="danger-ghost"
        className={styles.discard}
        onPress={() => setConfirming(true)}
        isDisabled={stopping}
      >
        <Trash2 size={16} aria-hidden="true" />
        Discard recording
      </Button>
      <ConfirmDialog
        title="Discard this recording?"
        message="What you recorded is deleted for good."
        confirmLabel="Discard"
        isOpen={isConfirming}
        onCancel={() => setConfirming(false)}
        onConfirm={async () => {
          await control.discard();
          setConfirming(false);
        }}
      />
    </div>
  );
}
