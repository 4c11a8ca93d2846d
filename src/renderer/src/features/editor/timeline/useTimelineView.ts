import { useCallback, useEffect, useRef, useState, type RefObject } from 'react';
import { useElementSize } from '../useElementSize';

/** The closest zoom: 200 px per second, about 7 px per frame. */
const MAX_PX_PER_MS = 0.2;
/** The slider runs from 0 (the whole lesson fits) to this, on a logarithmic scale. */
export const ZOOM_STEPS = 100;

export interface TimelineView {
  pxPerMs: number;
  scrollLeft: number;
  width: number;
  contentWidth: number;
  zoom: number;
  setZoom: (zoom: number, anchorX?: number) => void;
  onScroll: () => void;
  /** Scrolls so a lesson time is in view (the playhead while playing). */
  reveal: (ms: number) => void;
}

/** Zoom (fit to the lesson … 200 px/s) and horizontal scroll of the timeline, in lesson time. */
export function useTimelineView(scroller: RefObject<HTMLDivElement | null>, durationMs: number): TimelineView {
  const { width } = useElementSize(scroller);
  const [zoom, setZoomState] = useState(0);
  const [scrollLeft, setScrollLeft] = useState(0);
  const fit = width > 0 && durationMs > 0 ? width / durationMs : 0.01;
  const max = Math.max(fit, MAX_PX_PER_MS);
  const pxPerMs = fit * Math.pow(max / fit, zoom / ZOOM_STEPS);
  const contentWidth = Math.max(width, Math.ceil(durationMs * pxPerMs));
  const pending = useRef<number | null>(null);

  const setZoom = useCallback(
    (next: number, anchorX?: number) => {
      const element = scroller.current;
      const clamped = Math.min(Math.max(next, 0), ZOOM_STEPS);
      if (element) {
        const anchor = anchorX ?? element.clientWidth / 2;
        const atMs = (element.scrollLeft + anchor) / pxPerMs;
        const nextPx = fit * Math.pow(max / fit, clamped / ZOOM_STEPS);
        pending.current = atMs * nextPx - anchor;
      }
      setZoomState(clamped);
    },
    [fit, max, pxPerMs, scroller],
  );

  useEffect(() => {
    const element = scroller.current;
    if (element && pending.current !== null) {
      element.scrollLeft = Math.max(0, pending.current);
      pending.current = null;
      setScrollLeft(element.scrollLeft);
    }
  }, [zoom, scroller]);

  const onScroll = useCallback(() => setScrollLeft(scroller.current?.scrollLeft ?? 0), [scroller]);

  // React's wheel listeners are passive, so Ctrl/Cmd+wheel could not stop the page from zooming; this one is not.
  const zoomBy = useRef<(delta: number, x: number) => void>(() => undefined);
  zoomBy.current = (delta, x) => setZoom(zoom + delta, x);
  useEffect(() => {
    const element = scroller.current;
    if (!element) return undefined;
    const onWheel = (event: globalThis.WheelEvent) => {
      if (!(event.ctrlKey || event.metaKey)) return;
      event.preventDefault();
      zoomBy.current(-Math.sign(event.deltaY) * 5, event.clientX - element.getBoundingClientRect().left);
    };
    element.addEventListener('wheel', onWheel, { passive: false });
    return () => element.removeEventListener('wheel', onWheel);
  }, [scroller]);

  const reveal = useCallback(
    (ms: number) => {
      const element = scroller.current;
      if (!element) return;
      const x = ms * pxPerMs;
      if (x < element.scrollLeft || x > element.scrollLeft + element.clientWidth - 24)
        element.scrollLeft = Math.max(0, x - element.clientWidth * 0.2);
    },
    [pxPerMs, scroller],
  );

  return { pxPerMs, scrollLeft, width, contentWidth, zoom, setZoom, onScroll, reveal };
}
