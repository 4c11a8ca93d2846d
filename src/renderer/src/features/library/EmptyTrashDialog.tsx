import { useState } from 'react';
import { Button } from '../../ui/Button';
import { Dialog, DialogActions, DialogLead } from '../../ui/Dialog';
import { describeCounts, type TrashSummary } from './useEmptyTrash';
import styles from './EmptyTrashDialog.module.css';

interface EmptyTrashDialogProps {
  summary: TrashSummary | null;
  onConfirm: () => Promise<void>;
  onCancel: () => void;
}

export function EmptyTrashDialog({ summary, onConfirm, onCancel }: EmptyTrashDialogProps) {
  const [isDeleting, setDeleting] = useState(false);
  const what = summary ? describeCounts(summary) : '';

  async function confirm() {
    setDeleting(true);
    try {
      await onConfirm();
    } finally {
      setDeleting(false);
    }
  }

  return (
    <Dialog
      title="Empty the trash?"
      role="alertdialog"
      isOpen={summary !== null}
      onOpenChange={(open) => !open && onCancel()}
    >
      {what ? (
        <>
          <DialogLead>Delete {what} forever? This cannot be undone.</DialogLead>
          {summary && summary.projectTitles.length > 0 && (
            <ul className={styles.doomed} aria-label="Projects to delete">
              {summary.projectTitles.map((title, index) => (
                <li key={index}>
                  <bdi>{title}</bdi> <span className="muted">with its lessons and recordings</span>
                </li>
              ))}
            </ul>
          )}
          {summary && (summary.lessons > 0 || summary.takes > 0) && (
            <p className="muted">
              Deleted lessons and takes are the ones listed as deleted in each project and lesson.
            </p>
          )}
        </>
      ) : (
        <DialogLead>The trash is already empty: there is nothing to delete.</DialogLead>
      )}
      <DialogActions>
        <Button variant="ghost" slot="close" autoFocus>
          {what ? 'Cancel' : 'Close'}
        </Button>
        {what && (
          <Button variant="danger" onPress={() => void confirm()} isPending={isDeleting}>
            Delete forever
          </Button>
        )}
      </DialogActions>
    </Dialog>
  );
}
