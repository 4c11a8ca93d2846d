import { useState } from 'react';
import { Settings } from 'lucide-react';
import { Button } from '../../ui/Button';
import { SettingsDialog } from './SettingsDialog';
import styles from './Settings.module.css';

/** In the app header: Settings (the class server, for now). */
export function SettingsButton() {
  const [isOpen, setOpen] = useState(false);
  return (
    <div className={styles.headerEnd}>
      <Button variant="ghost" onPress={() => setOpen(true)}>
        <Settings size={16} aria-hidden="true" />
        Settings
      </Button>
      <SettingsDialog isOpen={isOpen} onOpenChange={setOpen} />
    </div>
  );
}
