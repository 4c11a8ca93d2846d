import { useEffect, useState } from 'react';
import { Unplug } from 'lucide-react';
import { onConnectionLost } from '.';
import { STUDIO_RESTARTED } from './hostTransport';
import styles from './ConnectionLost.module.css';

/**
 * Says, once and plainly, that this page has lost its studio (browser host restarted or stopped), instead of a page
 * that silently stops updating and answers every action with an error.
 */
export function ConnectionLost() {
  const [isLost, setLost] = useState(false);
  useEffect(() => onConnectionLost(() => setLost(true)), []);
  if (!isLost) return null;
  return (
    <div className={styles.banner} role="alert">
      <Unplug size={18} aria-hidden="true" className={styles.icon} />
      <p className={styles.text}>{STUDIO_RESTARTED}</p>
    </div>
  );
}
