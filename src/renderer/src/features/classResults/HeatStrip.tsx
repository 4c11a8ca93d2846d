import type { ResultQuestion } from '@shared/classServer/results';
import { formatDuration } from '../../lib/time';
import { hottestStretches } from './heat';
import styles from './ClassResults.module.css';

interface HeatStripProps {
  heat: readonly number[];
  durationMs: number;
  questions: readonly ResultQuestion[];
}

/** Where learners went back: the lesson's timeline, darker where more learners re-watched, questions marked. */
export function HeatStrip({ heat, durationMs, questions }: HeatStripProps) {
  const max = Math.max(0, ...heat);
  const hottest = hottestStretches(heat, durationMs);
  const words =
    hottest.length === 0
      ? 'Nobody went back over any part of the lesson.'
      : `Most went back over ${hottest
          .map((run) => `${formatDuration(run.startMs)}–${formatDuration(run.endMs)} (${run.learners})`)
          .join(', ')}.`;
  const width = 100 / Math.max(1, heat.length);
  return (
    <figure className={styles.heat}>
      <svg role="img" aria-label={words} viewBox="0 0 100 14" preserveAspectRatio="none">
        <rect x={0} y={0} width={100} height={10} className={styles.track} />
        {heat.map((value, bin) =>
          value === 0 ? null : (
            <rect
              key={bin}
              x={bin * width}
              y={0}
              width={width + 0.05}
              height={10}
              className={styles.heatCell}
              fillOpacity={0.2 + 0.8 * (value / max)}
            />
          ),
        )}
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
        <span>Questions marked below the strip</span>
        <span>{formatDuration(durationMs)}</span>
      </div>
      <figcaption className="hint">{words}</figcaption>
    </figure>
  );
}
