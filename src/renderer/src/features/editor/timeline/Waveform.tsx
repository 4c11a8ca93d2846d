import { useEffect, useMemo, useRef } from 'react';
import type { LessonMap } from '@shared/timeline';
import { PEAKS_PER_SECOND, PEAKS_PER_WINDOW, WINDOW_MS, windowsBetween } from '../media/derivedFormat';
import type { DerivedSource } from '../media/derivedSource';
import { useDerivedVersion } from '../media/useDerivedSource';
import type { TimelineView } from './useTimelineView';
import styles from './Waveform.module.css';

const HEIGHT = 36;

/** The audio's loudness along the kept lesson, drawn only for the visible part, on one canvas the size of the view. */
export function Waveform({ view, map, source }: { view: TimelineView; map: LessonMap; source: DerivedSource | null }) {
  const version = useDerivedVersion(source);
  const canvas = useRef<HTMLCanvasElement>(null);
  const startMs = view.scrollLeft / view.pxPerMs;
  const endMs = Math.min(map.duration, (view.scrollLeft + view.width) / view.pxPerMs);

  const windows = useMemo(() => {
    const wanted = map.spans
      .filter((span) => span.lessonStart < endMs && span.lessonStart + span.sourceEnd - span.sourceStart > startMs)
      .flatMap((span) => {
        const from = span.sourceStart + Math.max(0, startMs - span.lessonStart);
        const to = Math.min(span.sourceEnd, span.sourceStart + (endMs - span.lessonStart));
        return windowsBetween(from, to);
      });
    return [...new Set(wanted)];
  }, [map, startMs, endMs]);
  useEffect(() => source?.want('peaks', windows), [source, windows]);

  useEffect(() => {
    const element = canvas.current;
    const context = element?.getContext('2d');
    if (!element || !context) return;
    const ratio = window.devicePixelRatio || 1;
    element.width = Math.max(1, Math.round(view.width * ratio));
    element.height = HEIGHT * ratio;
    context.scale(ratio, ratio);
    context.clearRect(0, 0, view.width, HEIGHT);
    context.fillStyle = getComputedStyle(element).color;
    const msPerPx = 1 / view.pxPerMs;
    for (let x = 0; x < view.width; x += 1) {
      const lessonMs = startMs + x * msPerPx;
      if (lessonMs >= map.duration) break;
      let peak = 0;
      // At most 16 looks per pixel column: zoomed far out, a sparse sample of peaks still shows the shape.
      const samples = Math.min(16, Math.max(1, Math.ceil((msPerPx * PEAKS_PER_SECOND) / 1000)));
      for (let s = 0; s < samples; s += 1) {
        const sourceMs = map.lessonToSource(lessonMs + (s * msPerPx) / samples);
        const window = Math.floor(sourceMs / WINDOW_MS);
        const bytes = source?.bytes('peaks', window);
        const value =
          bytes?.[Math.min(PEAKS_PER_WINDOW - 1, Math.floor(((sourceMs % WINDOW_MS) * PEAKS_PER_SECOND) / 1000))] ?? 0;
        if (value > peak) peak = value;
      }
      const h = Math.max(1, (peak / 255) * (HEIGHT - 2));
      context.fillRect(x, (HEIGHT - h) / 2, 1, h);
    }
  }, [map, source, startMs, view.pxPerMs, view.width, version]);

  return (
    <canvas
      ref={canvas}
      className={styles.waveform}
      style={{ left: view.scrollLeft, width: view.width, height: HEIGHT }}
      aria-hidden="true"
    />
  );
}
