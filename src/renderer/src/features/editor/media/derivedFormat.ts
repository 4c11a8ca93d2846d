/** How derived data is cut up and laid out; shared by the worker that makes it and the timeline that draws it. */

/** Thumbnails and peaks are made per window of source time, so a long take is only decoded where it is shown. */
export const WINDOW_MS = 30_000;
/** One thumbnail every 3 s of source: the filmstrip picks the nearest. */
export const THUMBS_PER_WINDOW = 10;
export const THUMB_WIDTH = 96;
export const THUMB_HEIGHT = 54;
/** Waveform resolution: one peak (0-255, the loudest sample) per 10 ms. */
export const PEAKS_PER_SECOND = 100;
export const PEAKS_PER_WINDOW = (WINDOW_MS / 1000) * PEAKS_PER_SECOND;

export type DerivedKind = 'thumbs' | 'peaks';

export interface DerivedRequest {
  readonly id: number;
  readonly kind: DerivedKind;
  /** An absolute URL the worker can fetch. */
  readonly url: string;
  readonly window: number;
  /** Where the file starts on the take's clock, so windows are in source time. */
  readonly startOffsetMs: number;
}

export type DerivedResponse =
  { readonly id: number; readonly data: Uint8Array<ArrayBuffer> } | { readonly id: number; readonly error: string };

export const cacheKey = (kind: DerivedKind, window: number) => `${kind}-${window}`;

export function windowsBetween(startMs: number, endMs: number): number[] {
  const first = Math.max(0, Math.floor(startMs / WINDOW_MS));
  const last = Math.max(first, Math.floor(Math.max(startMs, endMs - 1) / WINDOW_MS));
  return Array.from({ length: last - first + 1 }, (_, index) => first + index);
}
