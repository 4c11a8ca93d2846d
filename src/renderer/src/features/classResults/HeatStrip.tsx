import type { ResultQuestion } from '@shared/classServer/results';
import { formatClock } from '@shared/format/clock';
import { hottestStretches } from './heat';
import styles from './ClassResults.module.css';

interface HeatStripProps {
  heat: readonly number[];
  durationMs: number;
  questions: readonly ResultQuestion[];
}

/** Neighbouring parts with the same count drawn as one, so no seams show between them. */
function runsOf(heat: readonly number[]): { start: number; end: number; value: number }[] {
  const runs: { start: number; end: number; value: number }[] = [];
  heat.forEach((value, bin) => {
    const last = runs.at(-1);
    if (last && last.end === bin && last.value === value) last.end = bin + 1;
    else if (value > 0) runs.push({ start: bin, end: bin + 1, value });
  });
  return runs;
}

/** Where learners went back: the lesson's timeline, darker where more learners re-watched, questions marked. */
export function HeatStrip({ heat, durationMs, questions }: HeatStripProps) {
  const max = Math.max(0, ...heat);
  const hottest = hottestStretches(heat, durationMs);
  const words =
    hottest.length === 0
      ? 'Nobody went back over any part of the lesson.'
      : `Most went back over ${hottest
          .map((run) => `${formatClock(run.startMs)}–${formatClock(run.endMs)} (${run.learners})`)
          .join(', ')}.`;
  const width = 100 / Math.max(1, heat.length);
  return (
    <figure className={styles.heat}>
      <svg role="img" aria-label={words} viewBox="0 0 100 14" preserveAspectRatio="none">
        <rect x={0} y={0} width={100} height={10} className={styles.track} />
        {runsOf(heat).map((run) => (
          <rect
            key={run.start}
            x={run.start * width}
            y={0}
            width={(run.end - run.start) * width}
            height={10}
            className={styles.heatCell}
            fillOpacity={0.2 + 0.8 * (run.value / max)}
          />
        ))}
        {questions.map((question) =>
          durationMs > 0 ? (
            <rect
              key={question.id}
              x={(question.lessonMs / durationMs) * 100 - 0.15}
              y={10.5}
              width={0.3}
              height={3.5}
              className={styles.marker}
            />
          ) : null,
        )}
      </svg>
      <div className={styles.heatScale} aria-hidden="true">
        <span>0:00</span>
        <span>▲ questions</span>
        <span>{formatClock(durationMs)}</span>
      </div>
      <figcaption className="hint">{words}</figcaption>
    </figure>
  );
}
