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

/**
 * A score compared with a mastery line the LMS holds (1.2 masteryscore, 2004 scaled_passing_score): rounded down to
 * `digits` places, so the LMS never passes a learner the player did not (2 of 3 at a 66.67 line is 66.66, not 66.67).
 */
export function decimalDown(value: number, digits: number): string {
  if (!Number.isFinite(value)) return '0';
  const scale = 10 ** digits;
  // The nudge keeps a value such as 0.8 (79.99999… after scaling) from dropping a whole step.
  return trimNumber(Math.floor(value * scale + 1e-7) / scale);
}

/** The most digits before the point LMS runtimes take (scorm-again's real(10,7); Moodle takes fewer). */
const INTEGER_DIGITS_MAX = 10;
const FRACTION_DIGITS_MAX = 18;

/**
 * A number as a plain decimal, the way a learner would write it: 1e-7 is "0.0000001", 1e21 has 22 digits. No exponent,
 * since neither standard's decimal type has one. Null when it cannot be written within the digits LMSs accept.
 */
export function plainDecimal(value: number): string | null {
  if (!Number.isFinite(value)) return null;
  // String() gives the shortest text that reads back as the same number; only its exponent needs spelling out.
  const [mantissa = '', exponentText] = String(Math.abs(value)).split('e');
  const exponent = Number(exponentText ?? '0');
  const [whole = '', fraction = ''] = mantissa.split('.');
  const digits = whole + fraction;
  const point = whole.length + exponent;
  const integer =
    point <= 0
      ? '0'
      : digits
          .slice(0, point)
          .padEnd(point, '0')
          .replace(/^0+(?=\d)/, '');
  const decimals =
    point >= digits.length ? '' : (point < 0 ? '0'.repeat(-point) + digits : digits.slice(point)).replace(/0+$/, '');
  if (integer.length > INTEGER_DIGITS_MAX || decimals.length > FRACTION_DIGITS_MAX) return null;
  const text = decimals ? `${integer}.${decimals}` : integer;
  return value < 0 && text !== '0' ? `-${text}` : text;
}

function trimNumber(value: number): string {
  // toFixed never uses exponent notation for the magnitudes SCORM carries.
  return value.toFixed(6).replace(/\.?0+$/, '');
}
