import { Dialog, DialogTrigger, Heading, Popover } from 'react-aria-components';
import { Keyboard } from 'lucide-react';
import { IconButton } from '../../../ui/Button';
import { SHORTCUTS } from '../useEditorKeys';

/** The editor's shortcuts, one click from the timeline. */
export function KeyboardHelp() {
  return (
    <DialogTrigger>
      <IconButton aria-label="Keyboard shortcuts">
        <Keyboard size={18} aria-hidden="true" />
      </IconButton>
      <Popover className="popover shortcuts-popover" placement="top end">
        <Dialog className="shortcuts" aria-labelledby="shortcuts-title">
          <Heading id="shortcuts-title" slot="title" className="shortcuts-title">
            Keyboard shortcuts
          </Heading>
          <dl className="shortcuts-list">
            {SHORTCUTS.map(([keys, what]) => (
              <div key={keys} className="shortcuts-row">
                <dt>
                  <kbd>{keys}</kbd>
                </dt>
                <dd>{what}</dd>
              </div>
            ))}
          </dl>
        </Dialog>
      </Popover>
    </DialogTrigger>
  );
}
