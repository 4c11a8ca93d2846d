import { GridList, GridListItem, ListLayout, Virtualizer } from 'react-aria-components';
import { MessageSquare, Pencil, Trash2 } from 'lucide-react';
import type { Callout } from '@shared/editor/document';
import { formatTimecode, type PlacedRange } from '@shared/timeline';
import { IconButton } from '../../../ui/Button';
import { EmptyState } from '../../../ui/EmptyState';

interface CalloutListProps {
  callouts: readonly PlacedRange<Callout>[];
  selectedId: string | null;
  onJump: (callout: PlacedRange<Callout>) => void;
  onEdit: (callout: Callout) => void;
  onDelete: (callout: Callout) => void;
}

const KIND = { text: 'Text', arrow: 'Arrow', highlight: 'Highlight', blur: 'Blur' } as const;

export function CalloutList({ callouts, selectedId, onJump, onEdit, onDelete }: CalloutListProps) {
  if (callouts.length === 0) {
    return (
      <EmptyState icon={<MessageSquare size={24} />} title="No callouts yet">
        <p>Add text, an arrow, a highlight or a blur at the playhead with “Callout”.</p>
      </EmptyState>
    );
  }
  return (
    <Virtualizer layout={ListLayout} layoutOptions={{ rowSize: 56 }}>
      <GridList
        className="anchor-list"
        aria-label="Callouts"
        items={callouts}
        selectionMode="single"
        selectedKeys={selectedId ? [selectedId] : []}
        onAction={(key) => {
          const callout = callouts.find((item) => item.id === key);
          if (callout) onJump(callout);
        }}
      >
        {(callout) => {
          const name = `${KIND[callout.kind]}${callout.text ? ` “${callout.text}”` : ''}`;
          return (
            <GridListItem
              id={callout.id}
              textValue={name}
              className={callout.removed ? 'anchor-item is-removed' : 'anchor-item'}
            >
              <span className="anchor-time">{formatTimecode(callout.lessonStart)}</span>
              <span className="anchor-text">
                <span className="anchor-title">{name}</span>
                <span className="anchor-note">
                  {callout.removed
                    ? 'Cut out: restore the cut to bring it back'
                    : `${((callout.lessonEnd - callout.lessonStart) / 1000).toFixed(1)} s${callout.clipped ? ', partly cut' : ''}`}
                </span>
              </span>
              <IconButton aria-label={`Edit ${name}`} onPress={() => onEdit(callout)}>
                <Pencil size={15} aria-hidden="true" />
              </IconButton>
              <IconButton aria-label={`Delete ${name}`} onPress={() => onDelete(callout)}>
                <Trash2 size={15} aria-hidden="true" />
              </IconButton>
            </GridListItem>
          );
        }}
      </GridList>
    </Virtualizer>
  );
}
