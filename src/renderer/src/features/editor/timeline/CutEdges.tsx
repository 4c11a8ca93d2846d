import { Button, Menu, MenuItem, MenuTrigger, Popover } from 'react-aria-components';
import { Scissors } from 'lucide-react';
import type { RemovedRange } from '@shared/editor/removedRanges';
import { formatTimecodeRange } from '@shared/timeline';
import type { TimelineView } from './useTimelineView';

const NAMES = { 'trim-start': 'Trimmed start', cut: 'Cut', 'trim-end': 'Trimmed end' } as const;

/** A mark where something was removed; its menu puts it back. */
export function CutEdges({
  view,
  removed,
  onRestore,
}: {
  view: TimelineView;
  removed: readonly RemovedRange[];
  onRestore: (range: RemovedRange) => void;
}) {
  return (
    <>
      {removed.map((range) => {
        const name = `${NAMES[range.kind]} ${formatTimecodeRange(range.start, range.end)}`;
        return (
          // The wrapper keeps a press on the edge from also scrubbing the timeline under it.
          <span
            key={`${range.kind}-${range.start}`}
            className="cut-edge-anchor"
            style={{ left: range.lessonMs * view.pxPerMs }}
            onPointerDown={(event) => event.stopPropagation()}
          >
            <MenuTrigger>
              <Button className={`cut-edge cut-edge-${range.kind}`} aria-label={`${name} (removed)`}>
                <Scissors size={12} aria-hidden="true" />
              </Button>
              <Popover className="popover" placement="bottom">
                <Menu className="menu" aria-label={name} onAction={() => onRestore(range)}>
                  <MenuItem
                    id="restore"
                    className="menu-item"
                    textValue={`Restore ${formatTimecodeRange(range.start, range.end)}`}
                  >
                    Restore {formatTimecodeRange(range.start, range.end)}
                  </MenuItem>
                </Menu>
              </Popover>
            </MenuTrigger>
          </span>
        );
      })}
    </>
  );
}
