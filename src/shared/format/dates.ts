/** When something happened, for lists: "just now", "5 min ago", "yesterday"; and in full for tooltips. */
const relative = new Intl.RelativeTimeFormat('en', { numeric: 'auto' });
const absolute = new Intl.DateTimeFormat('en', { dateStyle: 'medium', timeStyle: 'short' });

const UNITS: [Intl.RelativeTimeFormatUnit, number][] = [
  ['year', 365 * 24 * 3600_000],
  ['month', 30 * 24 * 3600_000],
  ['week', 7 * 24 * 3600_000],
  ['day', 24 * 3600_000],
  ['hour', 3600_000],
  ['minute', 60_000],
];

export function formatRelative(timestamp: number, now: number): string {
  const elapsed = now - timestamp;
  if (elapsed < 45_000) return 'just now';
  for (const [unit, size] of UNITS) {
    if (elapsed >= size) return relative.format(-Math.round(elapsed / size), unit).replace(/minutes?/, 'min');
  }
  return relative.format(-1, 'minute').replace(/minutes?/, 'min');
}

export function formatAbsolute(timestamp: number): string {
  return absolute.format(new Date(timestamp));
}
