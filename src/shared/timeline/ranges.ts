/** A half-open span [start, end) of milliseconds on one clock. */
export interface TimeRange {
  readonly start: number;
  readonly end: number;
}

export function clipRange(range: TimeRange, low: number, high: number): TimeRange {
  return { start: Math.max(range.start, low), end: Math.min(range.end, high) };
}

export function orderedRange(a: number, b: number): TimeRange {
  return a <= b ? { start: a, end: b } : { start: b, end: a };
}

/** Sorted, empty ranges dropped, and overlapping or touching ranges joined into one. */
export function mergeRanges(ranges: readonly TimeRange[]): TimeRange[] {
  const sorted = ranges.filter((range) => range.start < range.end).sort((a, b) => a.start - b.start || a.end - b.end);
  const merged: { start: number; end: number }[] = [];
  for (const range of sorted) {
    const last = merged.at(-1);
    if (last && range.start <= last.end) last.end = Math.max(last.end, range.end);
    else merged.push({ start: range.start, end: range.end });
  }
  return merged;
}

/** The non-empty gaps between sorted, disjoint `ranges` inside [low, high). */
export function gapsBetween(ranges: readonly TimeRange[], low: number, high: number): TimeRange[] {
  const gaps: TimeRange[] = [];
  let from = low;
  for (const range of ranges) {
    if (range.start > from) gaps.push({ start: from, end: Math.min(range.start, high) });
    from = Math.max(from, range.end);
  }
  if (from < high) gaps.push({ start: from, end: high });
  return gaps.filter((gap) => gap.start < gap.end);
}

/** `ranges` with everything inside `removed` taken out; a range it falls within is split in two. */
export function subtractRange(ranges: readonly TimeRange[], removed: TimeRange): TimeRange[] {
  return ranges.flatMap((range) =>
    [
      { start: range.start, end: Math.min(range.end, removed.start) },
      { start: Math.max(range.start, removed.end), end: range.end },
    ].filter((piece) => piece.start < piece.end),
  );
}

export function clampMs(ms: number, low: number, high: number): number {
  return Math.min(Math.max(Math.round(ms), low), high);
}
