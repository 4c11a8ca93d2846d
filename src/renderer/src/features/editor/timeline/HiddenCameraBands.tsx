import type { CameraLayout } from '@shared/editor/document';
import type { LessonMap } from '@shared/timeline';
import type { TimelineView } from './useTimelineView';
import styles from './HiddenCameraBands.module.css';

/** The lesson-time pieces of source ranges: a range across a cut shows as one band on each side of it. */
export function lessonPieces(map: LessonMap, ranges: CameraLayout['hidden']): { start: number; end: number }[] {
  return ranges.flatMap((range) =>
    map.spans.flatMap((span) => {
      const start = Math.max(range.start, span.sourceStart);
      const end = Math.min(range.end, span.sourceEnd);
      return start < end
        ? [{ start: span.lessonStart + start - span.sourceStart, end: span.lessonStart + end - span.sourceStart }]
        : [];
    }),
  );
}

/** A quiet band over the track where the camera bubble is hidden. */
export function HiddenCameraBands({
  view,
  map,
  hidden,
}: {
  view: TimelineView;
  map: LessonMap;
  hidden: CameraLayout['hidden'];
}) {
  return (
    <>
      {lessonPieces(map, hidden).map((piece) => (
        <span
          key={piece.start}
          className={styles.band}
          data-testid="camera-hidden-band"
          title="Camera hidden"
          style={{ left: piece.start * view.pxPerMs, width: (piece.end - piece.start) * view.pxPerMs }}
        />
      ))}
    </>
  );
}
