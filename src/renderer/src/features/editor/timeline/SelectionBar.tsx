import { EyeOff, Scissors, Trash2, X } from 'lucide-react';
import { Button, IconButton } from '../../../ui/Button';
import type { SelectionSummary } from '../selection';
import styles from './SelectionBar.module.css';

interface SelectionBarProps {
  summary: SelectionSummary | null;
  /** A part is selected and the take has a camera: its bubble can be hidden there. */
  canHideCamera: boolean;
  onDelete: () => void;
  onHideCamera: () => void;
  onClear: () => void;
}

/**
 * What is selected, and beside it a button saying in words what Delete will do to it, so the key never surprises:
 * "Section 0:04.0–0:08.0 · Cut this section". With nothing selected, how to select.
 */
export function SelectionBar({ summary, canHideCamera, onDelete, onHideCamera, onClear }: SelectionBarProps) {
  if (!summary) {
    return (
      <p className={styles.bar} data-testid="selection">
        <span className={styles.hint}>Click the timeline to move the playhead; Shift-drag to select a part</span>
      </p>
    );
  }
  const cuts = summary.remove?.action.kind === 'cut-part' || summary.remove?.action.kind === 'cut-section';
  return (
    <div className={styles.bar} role="group" aria-label="Selection" data-testid="selection">
      <span className={styles.what}>
        <span className={styles.label}>Selected:</span> <bdi>{summary.what}</bdi>
      </span>
      {summary.remove && (
        <Button variant="danger-ghost" size="sm" onPress={onDelete} aria-keyshortcuts="Delete">
          {cuts ? <Scissors size={14} aria-hidden="true" /> : <Trash2 size={14} aria-hidden="true" />}
          {summary.remove.label}
          <kbd className={styles.key} aria-hidden="true">
            Delete
          </kbd>
        </Button>
      )}
      {canHideCamera && (
        <Button variant="ghost" size="sm" onPress={onHideCamera}>
          <EyeOff size={14} aria-hidden="true" />
          Hide camera here
        </Button>
      )}
      <IconButton aria-label="Clear the selection" aria-keyshortcuts="Escape" onPress={onClear}>
        <X size={14} aria-hidden="true" />
      </IconButton>
    </div>
  );
}
