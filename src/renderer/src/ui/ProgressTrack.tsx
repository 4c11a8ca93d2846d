interface ProgressTrackProps {
  /** 0 to 100, or null while there is nothing to measure yet (the bar pulses). */
  percent: number | null;
}

/**
 * The bar inside a React Aria ProgressBar. It scales a layer instead of animating its width: progress arrives ten
 * times a second during a render, and a width transition would lay the page out on every frame, taking CPU from
 * the render itself.
 */
export function ProgressTrack({ percent }: ProgressTrackProps) {
  const fraction = percent === null ? 1 : Math.min(Math.max(percent, 0), 100) / 100;
  return (
    <div className="progress-track">
      <div
        className={percent === null ? 'progress-fill progress-fill-indeterminate' : 'progress-fill'}
        style={{ transform: `scaleX(${fraction})` }}
      />
    </div>
  );
}
