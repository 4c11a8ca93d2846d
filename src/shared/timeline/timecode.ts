/**
 * "m:ss.t", or "h:mm:ss.t" from an hour on. Rounded to the nearest tenth before splitting into fields, so
 * 59 960 ms reads "1:00.0" and never "0:60.0".
 */
export function formatTimecode(ms: number): string {
  const tenths = Math.round(Math.abs(ms) / 100);
  const sign = ms < 0 && tenths > 0 ? '-' : '';
  const totalSeconds = Math.floor(tenths / 10);
  const totalMinutes = Math.floor(totalSeconds / 60);
  const hours = Math.floor(totalMinutes / 60);
  const seconds = `${String(totalSeconds % 60).padStart(2, '0')}.${tenths % 10}`;
  if (hours === 0) return `${sign}${totalMinutes}:${seconds}`;
  return `${sign}${hours}:${String(totalMinutes % 60).padStart(2, '0')}:${seconds}`;
}

/** "0:12.3–0:15.0" (an en dash, as a teacher would write a span). */
export function formatTimecodeRange(start: number, end: number): string {
  return `${formatTimecode(start)}–${formatTimecode(end)}`;
}
