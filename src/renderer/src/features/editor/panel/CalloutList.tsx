import { MessageSquare, Pencil, Trash2 } from 'lucide-react';
import type { Callout } from '@shared/editor/document';
import { formatTimecode, type PlacedRange } from '@shared/timeline';
import { AnchorItem, AnchorList } from '../../../ui/AnchorList';
import { IconButton } from '../../../ui/Button';
import { EmptyState } from '../../../ui/EmptyState';

interface CalloutListProps {
  callouts: readonly PlacedRange<Callout>[];
  selectedId: string | null;
  onJump: (callout: PlacedRange<Callout>) => void;
  onSelect: (callout: PlacedRange<Callout>) => void;
  onEdit: (callout: Callout) => void;
  onDelete: (callout: Callout) => void;
}

const KIND = { text: 'Text', arrow: 'Arrow', highlight: 'Highlight', blur: 'Blur' } as const;

export function CalloutList({ callouts, selectedId, onJump, onSelect, onEdit, onDelete }: CalloutListProps) {
  if (callouts.length === 0) {
    return (
      <EmptyState compact icon={<MessageSquare size={24} />} title="No callouts yet">
        <p>Add text, an arrow, a highlight or a blur at the playhead with “Callout”.</p>
      </EmptyState>
    );
  }
  return (
    <AnchorList label="Callouts" items={callouts} selectedId={selectedId} onJump={onJump} onFocusItem={onSelect}>
      {(callout) => {
        const name = `${KIND[callout.kind]}${callout.text ? ` “${callout.text}”` : ''}`;
        return (
          <AnchorItem
            id={callout.id}
            textValue={name}
            time={formatTimecode(callout.lessonStart)}
            title={name}
            note={
              callout.removed
                ? 'Cut out: restore the cut to bring it back'
                : `${((callout.lessonEnd - callout.lessonStart) / 1000).toFixed(1)} s${callout.clipped ? ', partly cut' : ''}`
            }
            removed={callout.removed}
          >
            <IconButton aria-label={`Edit ${name}`} onPress={() => onEdit(callout)}>
              <Pencil size={15} aria-hidden="true" />
            </IconButton>
            <IconButton aria-label={`Delete ${name}`} onPress={() => onDelete(callout)}>
              <Trash2 size={15} aria-hidden="true" />
            </IconButton>
          </AnchorItem>
        );
      }}
    </AnchorList>
  );
}
