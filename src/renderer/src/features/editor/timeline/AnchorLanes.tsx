import { useMemo } from 'react';
import type { Callout, Marker } from '@shared/editor/document';
import { formatTimecode, type PlacedPoint, type PlacedRange } from '@shared/timeline';
import type { TimelineView } from './useTimelineView';
import { usePinDrag } from './usePinDrag';
import { cx } from '../../../lib/classNames';
import styles from './AnchorLanes.module.css';

interface AnchorLanesProps {
  view: TimelineView;
  markers: readonly PlacedPoint<Marker>[];
  callouts: readonly PlacedRange<Callout>[];
  selectedMarkerId: string | null;
  selectedCalloutId: string | null;
  onMarker: (marker: PlacedPoint<Marker>) => void;
  onMoveMarker: (marker: PlacedPoint<Marker>, lessonMs: number) => void;
  onCallout: (callout: PlacedRange<Callout>) => void;
  /** Reached by Tab: selected, so Delete and the selection bar act on it, without moving the playhead. */
  onFocusMarker: (marker: PlacedPoint<Marker>) => void;
  onFocusCallout: (callout: PlacedRange<Callout>) => void;
}

/** Overlapping callouts are stacked in up to this many rows; more share the last one. */
export const CALLOUT_ROWS = 3;
const ROW_PX = 22;
const KINDS = { text: undefined, arrow: styles.arrow, highlight: styles.highlight, blur: styles.blur } as const;

/** Greedy rows: each callout goes in the first row where the previous bar has ended. */
function calloutRows(callouts: readonly PlacedRange<Callout>[]): Map<string, number> {
  const ends: number[] = [];
  const rows = new Map<string, number>();
  for (const callout of [...callouts].sort((a, b) => a.lessonStart - b.lessonStart)) {
    let row = ends.findIndex((end) => end <= callout.lessonStart);
    if (row === -1) row = Math.min(ends.length, CALLOUT_ROWS - 1);
    ends[row] = Math.max(ends[row] ?? 0, callout.lessonEnd);
    rows.set(callout.id, row);
  }
  return rows;
}

/** Key moments as flags and callouts as bars, in lesson time; the ones in a removed range are flagged "cut out". */
export function AnchorLanes({
  view,
  markers,
  callouts,
  selectedMarkerId,
  selectedCalloutId,
  onMarker,
  onMoveMarker,
  onCallout,
  onFocusMarker,
  onFocusCallout,
}: AnchorLanesProps) {
  const from = view.scrollLeft / view.pxPerMs - 50 / view.pxPerMs;
  const to = (view.scrollLeft + view.width) / view.pxPerMs;
  const pins = usePinDrag<PlacedPoint<Marker>>({ pxPerMs: view.pxPerMs, onDrop: onMoveMarker, onClick: onMarker });
  const rows = useMemo(() => calloutRows(callouts), [callouts]);
  const shownMarkers = markers.filter((marker) => marker.lessonMs >= from && marker.lessonMs <= to);

  return (
    <>
      <div className={styles.lane}>
        {shownMarkers.map((marker, index) => {
          const next = shownMarkers[index + 1];
          // A flag's label stops where the next flag starts, so close moments stay readable and clickable.
          const room = next ? Math.max(14, (next.lessonMs - marker.lessonMs) * view.pxPerMs - 2) : 160;
          return (
            <button
              key={marker.id}
              type="button"
              className={cx(
                styles.flag,
                marker.removed && styles.removed,
                marker.id === selectedMarkerId && styles.selected,
              )}
              style={{ left: marker.lessonMs * view.pxPerMs + pins.offsetOf(marker.id), maxWidth: Math.min(160, room) }}
              aria-label={`Key moment “${marker.title}” at ${formatTimecode(marker.lessonMs)}${marker.removed ? ', cut out' : ''}`}
              {...pins.handlersFor(marker)}
              onFocus={() => onFocusMarker(marker)}
              onClick={(event) => event.detail === 0 && onMarker(marker)}
            >
              {marker.removed && <span className={styles.badge}>cut out</span>}
              <bdi>{marker.title}</bdi>
            </button>
          );
        })}
      </div>
      <div
        className={styles.lane}
        style={{ height: ROW_PX * Math.min(CALLOUT_ROWS, Math.max(0, ...rows.values()) + 1) }}
      >
        {callouts
          .filter((callout) => callout.lessonEnd >= from && callout.lessonStart <= to)
          .map((callout) => (
            <button
              key={callout.id}
              type="button"
              className={cx(
                styles.bar,
                KINDS[callout.kind],
                callout.removed && styles.removed,
                callout.id === selectedCalloutId && styles.selected,
              )}
              style={{
                left: callout.lessonStart * view.pxPerMs,
                top: (rows.get(callout.id) ?? 0) * ROW_PX + 1,
                width: Math.max(6, (callout.lessonEnd - callout.lessonStart) * view.pxPerMs),
              }}
              aria-label={`${callout.kind} callout${callout.text ? ` “${callout.text}”` : ''} at ${formatTimecode(callout.lessonStart)}${callout.removed ? ', cut out' : ''}`}
              onPointerDown={(event) => event.stopPropagation()}
              onFocus={() => onFocusCallout(callout)}
              onClick={() => onCallout(callout)}
            >
              {callout.removed ? 'cut out' : callout.text || callout.kind}
            </button>
          ))}
      </div>
    </>
  );
}
