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

export function pluralize(count: number, one: string, many = `${one}s`): string {
  return `${count} ${count === 1 ? one : many}`;
}

/** A length of media, "0:05", "12:34" or "1:02:03", rounded down to the second. */
export function formatDuration(ms: number): string {
  const total = Math.max(0, Math.floor(ms / 1000));
  const hours = Math.floor(total / 3600);
  const minutes = Math.floor((total % 3600) / 60);
  const seconds = String(total % 60).padStart(2, '0');
  return hours > 0 ? `${hours}:${String(minutes).padStart(2, '0')}:${seconds}` : `${minutes}:${seconds}`;
}

/** The recorder's clock, always "mm:ss" (or "h:mm:ss" past an hour), so its width does not jump. */
export function formatClock(ms: number): string {
  const text = formatDuration(ms);
  return text.length === 4 ? `0${text}` : text;
}

/** "1.2 GB", "340 MB", "12 kB". */
export function formatBytes(bytes: number): string {
  const units = ['bytes', 'kB', 'MB', 'GB', 'TB'];
  let value = bytes;
  let unit = 0;
  while (value >= 1000 && unit < units.length - 1) {
    value /= 1000;
    unit += 1;
  }
  return unit === 0 ? `${value} ${units[0]}` : `${value >= 10 ? Math.round(value) : value.toFixed(1)} ${units[unit]}`;
}
