import { useId } from 'react';
import { FORMAT_LABELS, type PublishFormat } from '@shared/publish/options';
import { Button } from '../../ui/Button';
import { DialogActions } from '../../ui/Dialog';
import { CutProgress } from './CutProgress';
import styles from './PublishActions.module.css';

interface PublishActionsProps {
  format: PublishFormat;
  renderFirst: boolean;
  /** Why Publish is greyed out, or null when it is not. */
  blockedBecause: string | null;
  busy: boolean;
  onCancel: () => void;
  /** While the recording is being cut for a `player` package: the share done, and how to stop it. */
  cutting: { fraction: number; cancel: () => void } | null;
  /** While the renders a `renders` package needs are being made first: where they stand, and how to stop them. */
  rendering: { fraction: number; label: string; etaMs: number | null; cancel: () => void } | null;
}

/** The form's foot: the work before the package with its Cancel, or Publish (with why it cannot yet) and Cancel. */
export function PublishActions({
  format,
  renderFirst,
  blockedBecause,
  busy,
  onCancel,
  cutting,
  rendering,
}: PublishActionsProps) {
  const blockedId = useId();
  if (rendering)
    return (
      <CutProgress
        label={rendering.label}
        fraction={rendering.fraction}
        etaMs={rendering.etaMs}
        note="The package is written as soon as the renders are done. Cancelling stops them and keeps no file."
        onCancel={rendering.cancel}
      />
    );
  if (cutting)
    return (
      <CutProgress
        label="Cutting the recording for the player…"
        fraction={cutting.fraction}
        note="The cuts are copied as recorded; only a few frames at each cut are encoded again."
        onCancel={cutting.cancel}
      />
    );
  return (
    <DialogActions>
      {blockedBecause !== null && (
        <p id={blockedId} className={styles.blocked}>
          {blockedBecause}
        </p>
      )}
      <Button variant="secondary" onPress={onCancel}>
        Cancel
      </Button>
      <Button
        variant="primary"
        type="submit"
        isDisabled={busy || blockedBecause !== null}
        aria-describedby={blockedBecause !== null ? blockedId : undefined}
      >
        {publishLabel(format, renderFirst)}
      </Button>
    </DialogActions>
  );
}

function publishLabel(format: PublishFormat, renderFirst: boolean): string {
  const where = format === 'classServer' ? 'to the class server' : FORMAT_LABELS[format];
  return renderFirst ? `Render and publish ${where}` : `Publish ${where}`;
}
