import type { Checkpoint } from '../checkpoints/schema';
import type { Callout, Marker } from './document';
import type { CaptionCue, CaptionTrackInfo } from '../captions/model';

/** Binary order of ids, as SQLite's ORDER BY gives it; localeCompare would ignore the dashes. */
export function compareIds(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

/** Markers in time order, as the store reads them back and the learner's chapters list them. */
export function sortMarkers(markers: readonly Marker[]): Marker[] {
  return [...markers].sort((a, b) => a.sourceMs - b.sourceMs || compareIds(a.id, b.id));
}

export function sortCallouts(callouts: readonly Callout[]): Callout[] {
  return [...callouts].sort((a, b) => a.sourceStart - b.sourceStart || compareIds(a.id, b.id));
}

export function sortCheckpoints(checkpoints: readonly Checkpoint[]): Checkpoint[] {
  return [...checkpoints].sort((a, b) => a.sourceMs - b.sourceMs || compareIds(a.id, b.id));
}

/** Tracks by label, then language, as the store reads them back and the player's menu lists them. */
export function sortCaptionTracks(tracks: readonly CaptionTrackInfo[]): CaptionTrackInfo[] {
  return [...tracks].sort(
    (a, b) =>
      a.label.toLowerCase().localeCompare(b.label.toLowerCase()) ||
      compareIds(a.srclang, b.srclang) ||
      compareIds(a.id, b.id),
  );
}

export function sortCaptionCues(cues: readonly CaptionCue[]): CaptionCue[] {
  return [...cues].sort((a, b) => a.sourceStart - b.sourceStart || a.sourceEnd - b.sourceEnd || compareIds(a.id, b.id));
}

/** Structural equality of plain data (JSON-like values), independent of key order. */
export function deepEqual(a: unknown, b: unknown): boolean {
  if (a === b) return true;
  if (typeof a !== 'object' || typeof b !== 'object' || a === null || b === null) return false;
  if (Array.isArray(a) !== Array.isArray(b)) return false;
  if (Array.isArray(a) && Array.isArray(b))
    return a.length === b.length && a.every((item, index) => deepEqual(item, b[index]));
  const left = a as Record<string, unknown>;
  const right = b as Record<string, unknown>;
  const keys = Object.keys(left).filter((key) => left[key] !== undefined);
  const otherKeys = Object.keys(right).filter((key) => right[key] !== undefined);
  return keys.length === otherKeys.length && keys.every((key) => deepEqual(left[key], right[key]));
}
