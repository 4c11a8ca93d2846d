import { formatClock } from '@shared/format/clock';
import type { TimelineView } from './useTimelineView';
import styles from './TimelineRuler.module.css';

const LONGEST_STEP_MS = 1_800_000;
const STEPS_MS = [
  100,
  250,
  500,
  1_000,
  2_000,
  5_000,
  10_000,
  15_000,
  30_000,
  60_000,
  120_000,
  300_000,
  600_000,
  900_000,
  LONGEST_STEP_MS,
];
const LABEL_GAP_PX = 90;
/** A label needs this much room before the lesson's end, where the timeline stops; closer ticks go unlabelled. */
const LABEL_WIDTH_PX = 40;

const label = (ms: number, step: number) =>
  step < 1_000 ? `${formatClock(ms)}.${Math.round((ms % 1000) / 100)}` : formatClock(ms);

/** Lesson time, with labelled ticks spaced to stay readable at any zoom; only the visible part is drawn. */
export function TimelineRuler({ view, durationMs }: { view: TimelineView; durationMs: number }) {
  const step = STEPS_MS.find((ms) => ms * view.pxPerMs >= LABEL_GAP_PX) ?? LONGEST_STEP_MS;
  const first = Math.floor(view.scrollLeft / view.pxPerMs / step) * step;
  const last = Math.min(durationMs, (view.scrollLeft + view.width) / view.pxPerMs);
  const ticks: number[] = [];
  for (let ms = first; ms <= last; ms += step) {
    if (ms === 0 || (durationMs - ms) * view.pxPerMs >= LABEL_WIDTH_PX) ticks.push(ms);
  }
  return (
    <div className={styles.ruler} aria-hidden="true">
      {ticks.map((ms) => (
        <span key={ms} className={styles.tick} style={{ left: ms * view.pxPerMs }}>
          {label(ms, step)}
        </span>
      ))}
    </div>
  );
}
