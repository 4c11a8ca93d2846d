/**
 * Cuts text to at most `max` code points (what XSD string lengths and our storage limits count), never halving a
 * character outside the Basic Multilingual Plane; `ellipsis` ends a cut text with "…" within the same limit.
 */
export function truncateCodePoints(text: string, max: number, options: { ellipsis?: boolean } = {}): string {
  const points = Array.from(text);
  if (points.length <= max) return text;
  return options.ellipsis ? `${points.slice(0, Math.max(0, max - 1)).join('')}…` : points.slice(0, max).join('');
}

/** "1 lesson", "3 lessons". */
export function pluralize(count: number, one: string, many = `${one}s`): string {
  return `${count} ${count === 1 ? one : many}`;
}
