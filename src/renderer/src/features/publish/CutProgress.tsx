import { Label, ProgressBar } from 'react-aria-components';
import { Button } from '../../ui/Button';
import { DialogActions } from '../../ui/Dialog';

/** The recording being cut for the player before the package is written; cancelling keeps nothing. */
export function CutProgress({ fraction, onCancel }: { fraction: number; onCancel: () => void }) {
  return (
    <>
      <ProgressBar className="publish-progress" value={Math.round(fraction * 100)} aria-describedby="publish-cut-note">
        {({ percentage }) => (
          <>
            <div className="publish-progress-label">
              <Label>Cutting the recording for the player…</Label>
              <span>{Math.round(percentage ?? 0)}%</span>
            </div>
            <div className="publish-progress-track">
              <div className="publish-progress-fill" style={{ width: `${percentage ?? 0}%` }} />
            </div>
          </>
        )}
      </ProgressBar>
      <p id="publish-cut-note" className="hint">
        The cuts are copied as recorded; only a few frames at each cut are encoded again.
      </p>
      <DialogActions>
        <Button variant="secondary" onPress={onCancel}>
          Cancel
        </Button>
      </DialogActions>
    </>
  );
}
