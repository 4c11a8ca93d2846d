import { Button as AriaButton, Disclosure, DisclosurePanel, Heading } from 'react-aria-components';
import { ChevronRight, RotateCcw } from 'lucide-react';
import type { Take } from '@shared/media/takes';
import { Button } from '../../ui/Button';
import { RelativeTime } from '../../ui/RelativeTime';
import { formatClock } from '@shared/format/clock';

export function TrashedTakes({ takes, onRestore }: { takes: Take[]; onRestore: (take: Take) => void }) {
  if (takes.length === 0) return null;
  return (
    <Disclosure className="disclosure">
      <Heading level={2} className="disclosure-heading">
        <AriaButton slot="trigger" className="disclosure-trigger">
          <ChevronRight size={16} aria-hidden="true" className="disclosure-chevron" />
          Takes in the trash ({takes.length})
        </AriaButton>
      </Heading>
      <DisclosurePanel className="disclosure-panel">
        <ul className="deleted-list" aria-label="Takes in the trash">
          {takes.map((take) => (
            <li key={take.id} className="deleted-row">
              <bdi className="lesson-title">{take.title}</bdi>
              <span className="relative-time">{formatClock(take.durationMs)}</span>
              <RelativeTime prefix="deleted" timestamp={take.trashedAt ?? take.updatedAt} />
              <Button onPress={() => onRestore(take)} aria-label={`Restore ${take.title}`}>
                <RotateCcw size={16} aria-hidden="true" />
                Restore
              </Button>
            </li>
          ))}
        </ul>
      </DisclosurePanel>
    </Disclosure>
  );
}
