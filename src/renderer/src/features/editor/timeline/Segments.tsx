import type { Segment } from '@shared/timeline';
import { cx } from '../../../lib/classNames';
import type { TimelineView } from './useTimelineView';
import styles from './Segments.module.css';

/** The kept pieces between cut edges and splits; the selected one is outlined (Delete cuts it). */
export function Segments({
  view,
  segments,
  selectedAt,
}: {
  view: TimelineView;
  segments: readonly Segment[];
  selectedAt: number | null;
}) {
  const from = view.scrollLeft / view.pxPerMs;
  const to = (view.scrollLeft + view.width) / view.pxPerMs;
  return (
    <>
      {segments
        .filter((segment) => segment.lessonEnd >= from && segment.lessonStart <= to)
        .map((segment) => {
          const selected = selectedAt !== null && segment.sourceStart <= selectedAt && selectedAt < segment.sourceEnd;
          return (
            <span
              key={segment.sourceStart}
              className={cx(styles.segment, selected && styles.selected)}
              data-source-start={segment.sourceStart}
              style={{
                left: segment.lessonStart * view.pxPerMs,
                width: (segment.lessonEnd - segment.lessonStart) * view.pxPerMs,
              }}
            />
          );
        })}
    </>
  );
}
