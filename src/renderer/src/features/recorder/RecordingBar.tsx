import { useState } from 'react';
import { Pause, Play, Square, Trash2 } from 'lucide-react';
import { Button } from '../../ui/Button';
import { ConfirmDialog } from '../../ui/ConfirmDialog';
import { ElapsedClock } from './ElapsedClock';
import { MicMeter } from './MicMeter';
import { MuteButton } from './RecorderSetupPanel';
import type { RecordingControl } from './useRecordingControl';
import type { RecorderSetup } from './useRecorderSetup';

/** While recording: the clock, pause or resume, stop, and discard (which asks first). */
export function RecordingBar({ control, setup }: { control: RecordingControl; setup: RecorderSetup }) {
  const [isConfirming, setConfirming] = useState(false);
  const paused = control.phase === 'paused';
  const stopping = control.phase === 'stopping';
  return (
    <div className="recorder-panel-body">
      <div className={paused ? 'live-status live-status-paused' : 'live-status'}>
        <span className="live-dot" aria-hidden="true" />
        <span className="live-label">{stopping ? 'Saving…' : paused ? 'Paused' : 'Recording'}</span>
        <ElapsedClock elapsedMs={control.elapsedMs} />
      </div>

      <div className="live-actions">
        <Button size="lg" onPress={control.togglePause} isDisabled={stopping}>
          {paused ? <Play size={18} aria-hidden="true" /> : <Pause size={18} aria-hidden="true" />}
          {paused ? 'Resume' : 'Pause'}
        </Button>
        <Button size="lg" variant="primary" onPress={() => void control.stop()} isPending={stopping}>
          <Square size={16} fill="currentColor" aria-hidden="true" />
          Stop
        </Button>
      </div>

      <div className="panel-group">
        <span className="field-label">Microphone</span>
        <div className="mic-row">
          <MicMeter level={setup.microphone.level} muted={setup.microphone.muted} />
          <MuteButton muted={setup.microphone.muted} onChange={setup.microphone.setMuted} />
        </div>
      </div>

      <p className="hint">
        Every second is saved as you go. If the studio closes unexpectedly, you are offered the recording when it opens
        again.
      </p>

      <Button
        variant="danger-ghost"
        className="discard-button"
        onPress={() => setConfirming(true)}
        isDisabled={stopping}
      >
        <Trash2 size={16} aria-hidden="true" />
        Discard recording
      </Button>
      <ConfirmDialog
        title="Discard this recording?"
        message="What you recorded in this take is deleted for good."
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
