/** SCORM's time formats, as pure functions: each standard rejects values in the other's format. */

const pad = (value: number, width = 2) => String(value).padStart(width, '0');

/** SCORM 1.2 CMITimespan, HHHH:MM:SS.SS (hours 2-4 digits), capped at 9999:59:59.99. */
export function timespan12(ms: number): string {
  const centis = Math.min(Math.max(0, Math.round(ms / 10)), 9999 * 360_000 + 359_999);
  const hours = Math.floor(centis / 360_000);
  const minutes = Math.floor((centis % 360_000) / 6000);
  const seconds = Math.floor((centis % 6000) / 100);
  return `${pad(hours)}:${pad(minutes)}:${pad(seconds)}.${pad(centis % 100)}`;
}

/** SCORM 1.2 CMITime, HH:MM:SS: the learner's local clock time of day. */
export function clockTime12(date: Date): string {
  return `${pad(date.getHours())}:${pad(date.getMinutes())}:${pad(date.getSeconds())}`;
}

/** SCORM 2004 timeinterval (ISO 8601 duration), to the hundredth of a second: PT1H2M3.5S, PT0S. */
export function duration2004(ms: number): string {
  const centis = Math.max(0, Math.round(ms / 10));
  const hours = Math.floor(centis / 360_000);
  const minutes = Math.floor((centis % 360_000) / 6000);
  const seconds = (centis % 6000) / 100;
  const parts = `${hours > 0 ? `${hours}H` : ''}${minutes > 0 ? `${minutes}M` : ''}${seconds > 0 || (hours === 0 && minutes === 0) ? `${trimNumber(seconds)}S` : ''}`;
  return `PT${parts}`;
}

/** SCORM 2004 time(second,10,0): UTC to the hundredth of a second (the standard allows no finer), ending in Z. */
export function timestamp2004(date: Date): string {
  const centis = Math.floor(date.getUTCMilliseconds() / 10);
  return `${date.getUTCFullYear()}-${pad(date.getUTCMonth() + 1)}-${pad(date.getUTCDate())}T${pad(date.getUTCHours())}:${pad(date.getUTCMinutes())}:${pad(date.getUTCSeconds())}.${pad(centis)}Z`;
}

/** A decimal for the CMI: no exponent, at most `digits` places, no trailing zeros. */
export function decimal(value: number, digits = 4): string {
  if (!Number.isFinite(value)) return '0';
  return trimNumber(Number(value.toFixed(digits)));
}

function trimNumber(value: number): string {
  // toFixed never uses exponent notation for the magnitudes SCORM carries.
  return value.toFixed(6).replace(/\.?0+$/, '');
}
