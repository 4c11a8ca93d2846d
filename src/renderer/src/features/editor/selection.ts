/** What Delete acts on and what the panels highlight. In and out points are source times, so edits never move them. */
export interface EditorSelection {
  readonly inMs: number | null;
  readonly outMs: number | null;
  readonly segmentAt: number | null;
  readonly calloutId: string | null;
  readonly markerId: string | null;
  readonly checkpointId: string | null;
}

export const NOTHING_SELECTED: EditorSelection = {
  inMs: null,
  outMs: null,
  segmentAt: null,
  calloutId: null,
  markerId: null,
  checkpointId: null,
};

/** The in-out range in source time when both are set and apart, in order. */
export function selectedRange(selection: EditorSelection): { start: number; end: number } | null {
  const { inMs, outMs } = selection;
  if (inMs === null || outMs === null || inMs === outMs) return null;
  return { start: Math.min(inMs, outMs), end: Math.max(inMs, outMs) };
}
