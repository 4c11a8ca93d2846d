import type { FocusEvent, ReactElement, ReactNode } from 'react';
import { GridList, GridListItem, ListLayout, Virtualizer } from 'react-aria-components';
import styles from './AnchorList.module.css';

interface AnchorListProps<T extends { id: string }> {
  label: string;
  items: readonly T[];
  selectedId: string | null;
  /** Enter or a click on a row: go to it in the lesson. */
  onJump: (item: T) => void;
  /** A row reached by the keyboard: selected, so Delete acts on the row in view, without moving the playhead. */
  onFocusItem: (item: T) => void;
  children: (item: T) => ReactElement;
}

/** Things placed in time, one AnchorItem each, in a virtualized list so a lesson with hundreds opens at once. */
export function AnchorList<T extends { id: string }>({
  label,
  items,
  selectedId,
  onJump,
  onFocusItem,
  children,
}: AnchorListProps<T>) {
  const itemOf = (key: unknown) => items.find((candidate) => candidate.id === key);
  const onFocus = (event: FocusEvent) => {
    const row = event.target instanceof HTMLElement ? event.target.closest('[role="row"]') : null;
    const item = row instanceof HTMLElement ? itemOf(row.dataset.key) : undefined;
    if (item) onFocusItem(item);
  };
  return (
    <div className={styles.frame} onFocus={onFocus}>
      <Virtualizer layout={ListLayout} layoutOptions={{ rowSize: 56 }}>
        <GridList
          className={styles.list}
          aria-label={label}
          items={items}
          selectionMode="single"
          selectedKeys={selectedId ? [selectedId] : []}
          onAction={(key) => {
            const item = itemOf(key);
            if (item) onJump(item);
          }}
        >
          {children}
        </GridList>
      </Virtualizer>
    </div>
  );
}

interface AnchorItemProps {
  id: string;
  textValue: string;
  /** Where it is in the lesson, as a timecode. */
  time: string;
  title: string;
  note: string;
  /** In a part that was cut out: struck through. */
  removed: boolean;
  /** Between the time and the text (a question's type). */
  icon?: ReactNode;
  /** The row's buttons (edit, delete). */
  children: ReactNode;
}

export function AnchorItem({ id, textValue, time, title, note, removed, icon, children }: AnchorItemProps) {
  return (
    <GridListItem id={id} textValue={textValue} className={styles.item} data-removed={removed || undefined}>
      <span className={styles.time}>{time}</span>
      {icon}
      <span className={styles.text}>
        <bdi className={styles.title}>{title}</bdi>
        <span className={styles.note}>{note}</span>
      </span>
      {children}
    </GridListItem>
  );
}
