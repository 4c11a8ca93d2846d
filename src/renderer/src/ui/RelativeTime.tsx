import { useNow } from '../lib/useNow';
import { formatAbsolute, formatRelative } from '@shared/format/dates';

/** "edited 5 minutes ago", with the exact date in the tooltip. */
export function RelativeTime({ prefix, timestamp }: { prefix: string; timestamp: number }) {
  const now = useNow(30_000);
  const absolute = formatAbsolute(timestamp);
  return (
    <time dateTime={new Date(timestamp).toISOString()} title={absolute} className="relative-time">
      {prefix} {formatRelative(timestamp, now)}
    </time>
  );
}
