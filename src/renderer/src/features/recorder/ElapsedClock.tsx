import { useEffect, useState } from 'react';
import { formatRunningClock } from '@shared/format/clock';

/**
 * The recorded time, read from the session's own clock four times a second. A timer role, not a live region:
 * screen readers read it on demand instead of every second.
 */
export function ElapsedClock({ elapsedMs }: { elapsedMs: () => number }) {
  const [ms, setMs] = useState(elapsedMs);
  useEffect(() => {
    const timer = window.setInterval(() => setMs(elapsedMs()), 250);
    return () => window.clearInterval(timer);
  }, [elapsedMs]);
  return (
    <span role="timer" aria-label="Recorded time" className="elapsed-clock" data-elapsed-ms={Math.round(ms)}>
      {formatRunningClock(ms)}
    </span>
  );
}
