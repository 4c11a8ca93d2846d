import { Label } from 'react-aria-components';
import { formatTimeLeft } from '@shared/render/progress';
import { Button } from '../../ui/Button';
import { DialogActions } from '../../ui/Dialog';
import { ProgressBar, ProgressHead, ProgressTrack } from '../../ui/ProgressTrack';

interface CutProgressProps {
  /** What is being made before the package: "Cutting the recording for the player…", "Rendering 720p…". */
  label: string;
  fraction: number;
  /** Wall-clock milliseconds left, when it is estimated (renders); left out, no estimate is shown. */
  etaMs?: number | null;
  /** What happens to it, and what cancelling keeps (nothing). */
  note: string;
  onCancel: () => void;
}

/** What runs before the package is written (the cut for the player, or the renders), with its share done and Cancel. */
export function CutProgress({ label, fraction, etaMs, note, onCancel }: CutProgressProps) {
  const left = etaMs === undefined ? '' : ` · ${formatTimeLeft(etaMs)}`;
  return (
    <>
      <ProgressBar value={Math.round(fraction * 100)} aria-describedby="publish-cut-note">
        {({ percentage }) => (
          <>
            <ProgressHead label={<Label>{label}</Label>} value={`${Math.round(percentage ?? 0)}%${left}`} />
            <ProgressTrack percent={percentage ?? 0} />
          </>
        )}
      </ProgressBar>
      <p id="publish-cut-note" className="hint">
        {note}
      </p>
      <DialogActions>
        <Button variant="secondary" onPress={onCancel}>
          Cancel
        </Button>
      </DialogActions>
    </>
  );
}
