import { RotateCcw } from 'lucide-react';
import type { Take } from '@shared/media/takes';
import { formatClock } from '@shared/format/clock';
import { Button } from '../../ui/Button';
import { RelativeTime } from '../../ui/RelativeTime';
import { TrashDisclosure, TrashedItem } from '../../ui/TrashDisclosure';

export function TrashedTakes({ takes, onRestore }: { takes: Take[]; onRestore: (take: Take) => void }) {
  if (takes.length === 0) return null;
  return (
    <TrashDisclosure title={`Deleted recordings (${takes.length})`} listLabel="Deleted recordings">
      {takes.map((take) => (
        <TrashedItem key={take.id} title={take.title} facts={[formatClock(take.durationMs)]}>
          <RelativeTime prefix="deleted" timestamp={take.trashedAt ?? take.updatedAt} />
          <Button onPress={() => onRestore(take)} aria-label={`Restore ${take.title}`}>
            <RotateCcw size={16} aria-hidden="true" />
            Restore
          </Button>
        </TrashedItem>
      ))}
    </TrashDisclosure>
  );
}
