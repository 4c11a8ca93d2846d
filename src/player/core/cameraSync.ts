/**
 * Keeping the camera video in step with the screen video it is drawn over. Two media elements drift apart as they
 * play (each decodes and buffers on its own), so on every frame the camera is compared with where it should be: a
 * small drift is closed by playing the camera slightly faster or slower, which is invisible; a large one (after a
 * stall, or a seek the camera missed) by a seek.
 */

/** Within this, the two are in step: under a frame at 30 fps. */
export const IN_STEP_S = 0.025;
/** Beyond this, nudging the speed would take too long: seek. */
export const SEEK_BEYOND_S = 0.25;
/** The most the camera's speed is bent, as a fraction of the screen's: on a silent face it is not seen. */
export const MAX_BEND = 0.15;
/** How hard a drift is corrected: the speed is bent by this much per second of drift. */
const BEND_PER_S = 4;

export interface SyncDecision {
  /** Seek the camera here (its own seconds), or leave it where it is. */
  readonly seekTo: number | null;
  /** The speed to play the camera at. */
  readonly rate: number;
}

/**
 * What to do with a playing camera: `expected` is where its clock should read (the screen's time less the offset),
 * `actual` where it reads, `rate` the screen's speed.
 */
export function syncCamera(expected: number, actual: number, rate: number): SyncDecision {
  const drift = actual - expected;
  if (Math.abs(drift) > SEEK_BEYOND_S) return { seekTo: Math.max(0, expected), rate };
  if (Math.abs(drift) <= IN_STEP_S) return { seekTo: null, rate };
  const bend = Math.min(MAX_BEND, Math.max(-MAX_BEND, drift * BEND_PER_S));
  return { seekTo: null, rate: rate * (1 - bend) };
}

/** The camera's own time for a screen time, kept inside the camera file (it may start later or end sooner). */
export function cameraTimeFor(screenS: number, offsetMs: number, cameraDurationS: number): number {
  const time = screenS - offsetMs / 1000;
  const end = Number.isFinite(cameraDurationS) && cameraDurationS > 0 ? cameraDurationS : Infinity;
  return Math.min(Math.max(0, time), end);
}
