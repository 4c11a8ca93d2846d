import { ListBox, ListBoxItem, type Key } from 'react-aria-components';
import type { CaptureSource } from '@shared/contract/capture';
import { Button } from '../../ui/Button';
import { Dialog, DialogActions, DialogLead } from '../../ui/Dialog';
import styles from './ScreenPickerDialog.module.css';

interface ScreenPickerDialogProps {
  sources: CaptureSource[] | null;
  onPick: (sourceId: string) => void;
  onClose: () => void;
}

/** The desktop app's own picker: every screen and window as a thumbnail; Enter or a click chooses one. */
export function ScreenPickerDialog({ sources, onPick, onClose }: ScreenPickerDialogProps) {
  return (
    <Dialog
      title="Choose what to record"
      isOpen={sources !== null}
      onOpenChange={(open) => !open && onClose()}
      size="wide"
    >
      {sources && sources.length === 0 ? (
        <DialogLead>No screens or windows are available to record.</DialogLead>
      ) : (
        <ListBox
          aria-label="Screens and windows"
          className={styles.grid}
          layout="grid"
          items={sources ?? []}
          selectionMode="single"
          onAction={(key: Key) => onPick(String(key))}
          onSelectionChange={(keys) => keys !== 'all' && keys.size > 0 && onPick(String([...keys][0]))}
          autoFocus="first"
        >
          {(source) => (
            <ListBoxItem id={source.id} textValue={source.name} className={styles.card}>
              <img src={source.thumbnail} alt="" className={styles.thumb} />
              <span className={styles.name}>
                {source.kind === 'screen' ? 'Screen: ' : ''}
                {source.name}
              </span>
            </ListBoxItem>
          )}
        </ListBox>
      )}
      <DialogActions>
        <Button onPress={onClose}>Cancel</Button>
      </DialogActions>
    </Dialog>
  );
}
