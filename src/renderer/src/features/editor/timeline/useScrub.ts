import { useCallback, useRef, type PointerEvent, type RefObject } from 'react';
import { snapTo, SNAP_PX } from '@shared/editor/snap';

interface ScrubOptions {
  content: RefObject<HTMLDivElement | null>;
  pxPerMs: number;
  durationMs: number;
  snapTargets: readonly number[];
  onSeek: (lessonMs: number) => void;
  /** A Shift-drag selects the range dragged over (in and out points). */
  onSelectRange: (fromMs: number, toMs: number) => void;
  /** A click without moving, e.g. to select the segment under it. */
  onClickAt: (lessonMs: number) => void;
}

/** Pointer scrubbing on the timeline: the playhead follows, snapping to markers and cut edges within 8 px. */
export function useScrub({
  content,
  pxPerMs,
  durationMs,
  snapTargets,
  onSeek,
  onSelectRange,
  onClickAt,
}: ScrubOptions) {
  const start = useRef<{ ms: number; x: number; shift: boolean; moved: boolean } | null>(null);

  const msAt = useCallback(
    (event: PointerEvent) => {
      const rect = content.current?.getBoundingClientRect();
      const raw = rect ? (event.clientX - rect.left) / pxPerMs : 0;
      const clamped = Math.min(Math.max(raw, 0), durationMs);
      return snapTo(clamped, snapTargets, SNAP_PX / pxPerMs).value;
    },
    [content, durationMs, pxPerMs, snapTargets],
  );

  return {
    onPointerDown: (event: PointerEvent) => {
      if (event.button !== 0) return;
      (event.currentTarget as HTMLElement).setPointerCapture(event.pointerId);
      const ms = msAt(event);
      start.current = { ms, x: event.clientX, shift: event.shiftKey, moved: false };
      if (!event.shiftKey) onSeek(ms);
    },
    onPointerMove: (event: PointerEvent) => {
      const from = start.current;
      if (!from) return;
      if (Math.abs(event.clientX - from.x) > 3) from.moved = true;
      const ms = msAt(event);
      if (from.shift) onSelectRange(from.ms, ms);
      else onSeek(ms);
    },
    onPointerUp: (event: PointerEvent) => {
      const from = start.current;
      start.current = null;
      if (from && !from.moved) onClickAt(msAt(event));
    },
  };
}
