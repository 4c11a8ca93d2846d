import { GridList, GridListItem, ListLayout, Virtualizer } from 'react-aria-components';
import { Bookmark, Pencil, Trash2 } from 'lucide-react';
import type { Marker } from '@shared/editor/document';
import { formatTimecode, type PlacedPoint } from '@shared/timeline';
import { IconButton } from '../../../ui/Button';
import { EmptyState } from '../../../ui/EmptyState';

interface MomentListProps {
  markers: readonly PlacedPoint<Marker>[];
  selectedId: string | null;
  onJump: (marker: PlacedPoint<Marker>) => void;
  onEdit: (marker: Marker) => void;
  onDelete: (marker: Marker) => void;
}

/** Key moments in time order: the learner's chapters. Long lists are virtualized so a lesson with hundreds opens at once. */
export function MomentList({ markers, selectedId, onJump, onEdit, onDelete }: MomentListProps) {
  if (markers.length === 0) {
    return (
      <EmptyState icon={<Bookmark size={24} />} title="No key moments yet">
        <p>Press M or “Key moment” to mark the playhead. Learners get them as chapters.</p>
      </EmptyState>
    );
  }
  return (
    <Virtualizer layout={ListLayout} layoutOptions={{ rowSize: 56 }}>
      <GridList
        className="anchor-list"
        aria-label="Key moments"
        items={markers}
        selectionMode="single"
        selectedKeys={selectedId ? [selectedId] : []}
        onAction={(key) => {
          const marker = markers.find((item) => item.id === key);
          if (marker) onJump(marker);
        }}
      >
        {(marker) => (
          <GridListItem
            id={marker.id}
            textValue={marker.title}
            className={marker.removed ? 'anchor-item is-removed' : 'anchor-item'}
          >
            <span className="anchor-time">{formatTimecode(marker.lessonMs)}</span>
            <span className="anchor-text">
              <bdi className="anchor-title">{marker.title}</bdi>
              <span className="anchor-note">
                {marker.removed ? 'Cut out: restore the cut to bring it back' : marker.note || 'No note'}
              </span>
            </span>
            <IconButton aria-label={`Edit “${marker.title}”`} onPress={() => onEdit(marker)}>
              <Pencil size={15} aria-hidden="true" />
            </IconButton>
            <IconButton aria-label={`Delete “${marker.title}”`} onPress={() => onDelete(marker)}>
              <Trash2 size={15} aria-hidden="true" />
            </IconButton>
          </GridListItem>
        )}
      </GridList>
    </Virtualizer>
  );
}
