/** The forgiveness options of a short answer (see `matchingSchema`). */
export interface MatchingOptions {
  readonly ignoreCase: boolean;
  readonly ignoreAccents: boolean;
  readonly ignoreSpacing: boolean;
  readonly ignorePunctuation: boolean;
}

/**
 * The form both a learner's answer and the teacher's accepted answers are compared in. NFKC first, so full-width
 * letters and ligatures typed on phone keyboards compare as their plain forms; accents are folded by decomposing (NFD)
 * and dropping combining marks, which keeps base letters of every script. Case folds with toLowerCase, not a locale,
 * so the result does not depend on the learner's browser.
 */
export function normalizeAnswer(text: string, options: MatchingOptions): string {
  let out = text.normalize('NFKC');
  if (options.ignoreAccents)
    out = out
      .normalize('NFD')
      .replace(/\p{M}+/gu, '')
      .normalize('NFC');
  if (options.ignoreCase) out = out.toLowerCase();
  if (options.ignorePunctuation) out = out.replace(/\p{P}+/gu, '');
  out = options.ignoreSpacing ? out.replace(/\s+/gu, '') : out.replace(/\s+/gu, ' ').trim();
  return out;
}

/**
 * Reads a number as a learner types it: optional sign (+, - or the typographic minus), digits with at most one
 * decimal separator, either "." or "," (much of the world writes 3,5), and an optional exponent ("6.02e23", which
 * science classes use). Surrounding spaces are ignored. Thousands separators are not accepted: "1,000" is ambiguous
 * (one thousand, or one in a decimal-comma country), so it is refused rather than silently read as 1, and the player
 * asks for the number again without counting an attempt. Returns null for anything else, including "", "NaN",
 * "Infinity", hex, and values too large to hold.
 */
export function parseLearnerNumber(text: string): number | null {
  const trimmed = text
    .normalize('NFKC')
    .trim()
    .replace(/^\u2212/, '-');
  const match = /^([+-]?)(\d+(?:[.,]\d*)?|[.,]\d+)(?:[eE]([+-]?\d{1,4}))?$/.exec(trimmed);
  if (!match) return null;
  const [, sign = '', digits = '', exponent] = match;
  if (/^[1-9]\d{0,2},\d{3}$/.test(digits)) return null;
  const value = Number(`${sign}${digits.replace(',', '.')}${exponent === undefined ? '' : `e${exponent}`}`);
  return Number.isFinite(value) ? value : null;
}
