import { useState } from 'react';
import { Server } from 'lucide-react';
import type { ClassServerConnection } from '@shared/contract/classServer';
import { Button } from '../../ui/Button';
import { SettingsDialog } from '../settings/SettingsDialog';
import styles from './ClassServer.module.css';

/** Under the format choice when "Class server" is chosen: where it goes, or how to set that up first. */
export function ClassServerTarget({ connection }: { connection: ClassServerConnection | null }) {
  const [settingsOpen, setSettingsOpen] = useState(false);
  return (
    <div className={styles.target} role="status">
      <Server size={18} aria-hidden="true" className={styles.targetIcon} />
      {connection ? (
        <p>
          To <span className={styles.url}>{connection.url}</span> as {connection.teacherName || connection.teacherEmail}
          . Learners open the lesson’s link and join with a class code; publishing again makes a new version at the same
          link.
        </p>
      ) : (
        <>
          <p>No class server is set up yet. Add its address and your teacher token first.</p>
          <Button onPress={() => setSettingsOpen(true)}>Set up the class server…</Button>
          <SettingsDialog isOpen={settingsOpen} onOpenChange={setSettingsOpen} />
        </>
      )}
    </div>
  );
}
