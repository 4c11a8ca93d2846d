import { Dialog, DialogTrigger, Heading } from 'react-aria-components';
import { Keyboard } from 'lucide-react';
import { IconButton } from '../../../ui/Button';
import { MenuPopover } from '../../../ui/Menu';
import { SHORTCUTS } from '../useEditorKeys';
import styles from './KeyboardHelp.module.css';

/** The editor's shortcuts, one click from the timeline. */
export function KeyboardHelp() {
  return (
    <DialogTrigger>
      <IconButton aria-label="Keyboard shortcuts">
        <Keyboard size={18} aria-hidden="true" />
      </IconButton>
      <MenuPopover className={styles.popover} placement="top end">
        <Dialog className={styles.shortcuts} aria-labelledby="shortcuts-title">
          <Heading id="shortcuts-title" slot="title" className={styles.title}>
            Keyboard shortcuts
          </Heading>
          <dl className={styles.list}>
            {SHORTCUTS.map(([keys, what]) => (
              <div key={`${keys} ${what}`} className={styles.row}>
                <dt>
                  <kbd>{keys}</kbd>
                </dt>
                <dd>{what}</dd>
              </div>
            ))}
          </dl>
        </Dialog>
      </MenuPopover>
    </DialogTrigger>
  );
}
