import { Label } from 'react-aria-components';
import { Button } from '../../ui/Button';
import { DialogActions } from '../../ui/Dialog';
import { ProgressBar, ProgressHead, ProgressTrack } from '../../ui/ProgressTrack';

/** The recording being cut for the player before the package is written; cancelling keeps nothing. */
export function CutProgress({ fraction, onCancel }: { fraction: number; onCancel: () => void }) {
  return (
    <>
      <ProgressBar value={Math.round(fraction * 100)} aria-describedby="publish-cut-note">
        {({ percentage }) => (
          <>
            <ProgressHead
              label={<Label>Cutting the recording for the player…</Label>}
              value={`${Math.round(percentage ?? 0)}%`}
            />
            <ProgressTrack percent={percentage ?? 0} />
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
