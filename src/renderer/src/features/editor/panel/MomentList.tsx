import { Bookmark, Pencil, Trash2 } from 'lucide-react';
import type { Marker } from '@shared/editor/document';
import { formatTimecode, type PlacedPoint } from '@shared/timeline';
import { AnchorItem, AnchorList } from '../../../ui/AnchorList';
import { IconButton } from '../../../ui/Button';
import { EmptyState } from '../../../ui/EmptyState';

interface MomentListProps {
  markers: readonly PlacedPoint<Marker>[];
  selectedId: string | null;
  onJump: (marker: PlacedPoint<Marker>) => void;
  onSelect: (marker: PlacedPoint<Marker>) => void;
  onEdit: (marker: Marker) => void;
  onDelete: (marker: Marker) => void;
}

/** Key moments in time order: the learner's chapters. */
export function MomentList({ markers, selectedId, onJump, onSelect, onEdit, onDelete }: MomentListProps) {
  if (markers.length === 0) {
    return (
      <EmptyState compact icon={<Bookmark size={24} />} title="No key moments yet">
        <p>Press M or “Key moment” to mark the playhead. Learners get them as chapters.</p>
      </EmptyState>
    );
  }
  return (
    <AnchorList label="Key moments" items={markers} selectedId={selectedId} onJump={onJump} onFocusItem={onSelect}>
      {(marker) => (
        <AnchorItem
          id={marker.id}
          textValue={marker.title}
          time={formatTimecode(marker.lessonMs)}
          title={marker.title}
          note={marker.removed ? 'Cut out: restore the cut to bring it back' : marker.note || 'No note'}
          removed={marker.removed}
        >
          <IconButton aria-label={`Edit “${marker.title}”`} onPress={() => onEdit(marker)}>
            <Pencil size={15} aria-hidden="true" />
          </IconButton>
          <IconButton aria-label={`Delete “${marker.title}”`} onPress={() => onDelete(marker)}>
            <Trash2 size={15} aria-hidden="true" />
          </IconButton>
        </AnchorItem>
      )}
    </AnchorList>
  );
}
