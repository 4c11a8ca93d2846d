/** What a `Range` request header asks of a file of a known size. */
export type RangeRequest =
  | { readonly kind: 'whole' }
  | { readonly kind: 'partial'; readonly start: number; readonly end: number }
  | { readonly kind: 'unsatisfiable' };

const WHOLE: RangeRequest = { kind: 'whole' };
const SINGLE_BYTE_RANGE = /^bytes=(\d*)-(\d*)$/i;

/**
 * Reads one `bytes=` range (RFC 9110 §14.1.2); `end` is inclusive. Anything we do not serve as a range (no header,
 * another unit, several ranges, a malformed spec) falls back to the whole file, which every client accepts; only a
 * well-formed range that starts past the end is unsatisfiable.
 */
export function parseRange(header: string | null | undefined, size: number): RangeRequest {
  if (!header) return WHOLE;
  const match = SINGLE_BYTE_RANGE.exec(header.trim());
  if (!match) return WHOLE;
  const [, first = '', last = ''] = match;

  if (first === '') {
    if (last === '') return WHOLE;
    const suffix = Number(last);
    if (suffix === 0 || size === 0) return { kind: 'unsatisfiable' };
    return { kind: 'partial', start: Math.max(0, size - suffix), end: size - 1 };
  }

  const start = Number(first);
  const end = last === '' ? Infinity : Number(last);
  if (end < start) return WHOLE;
  if (start >= size) return { kind: 'unsatisfiable' };
  return { kind: 'partial', start, end: Math.min(end, size - 1) };
}
