import { Button, MenuTrigger } from 'react-aria-components';
import { Scissors } from 'lucide-react';
import type { RemovedRange } from '@shared/editor/removedRanges';
import { formatTimecodeRange } from '@shared/timeline';
import { MenuItem, MenuList, MenuPopover } from '../../../ui/Menu';
import type { TimelineView } from './useTimelineView';
import styles from './CutEdges.module.css';

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
            className={styles.anchor}
            style={{ left: range.lessonMs * view.pxPerMs }}
            onPointerDown={(event) => event.stopPropagation()}
          >
            <MenuTrigger>
              <Button className={styles.edge} aria-label={`${name} (removed)`}>
                <Scissors size={12} aria-hidden="true" />
              </Button>
              <MenuPopover placement="bottom">
                <MenuList aria-label={name} onAction={() => onRestore(range)}>
                  <MenuItem id="restore" textValue={`Restore ${formatTimecodeRange(range.start, range.end)}`}>
                    Restore {formatTimecodeRange(range.start, range.end)}
                  </MenuItem>
                </MenuList>
              </MenuPopover>
            </MenuTrigger>
          </span>
        );
      })}
    </>
  );
}
