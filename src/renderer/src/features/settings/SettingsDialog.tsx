import { Button } from '../../ui/Button';
import { Dialog, DialogActions } from '../../ui/Dialog';
import { ClassServerSettings } from './ClassServerSettings';

interface SettingsDialogProps {
  isOpen: boolean;
  onOpenChange: (isOpen: boolean) => void;
}

export function SettingsDialog({ isOpen, onOpenChange }: SettingsDialogProps) {
  return (
    <Dialog title="Settings" isOpen={isOpen} onOpenChange={onOpenChange} size="wide">
      <ClassServerSettings />
      <DialogActions>
        <Button onPress={() => onOpenChange(false)}>Close</Button>
      </DialogActions>
    </Dialog>
  );
}
