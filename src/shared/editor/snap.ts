/** Snapping distance on the timeline, in pixels, as most editors use. */
export const SNAP_PX = 8;

/** The nearest of `targets` within `threshold` of `value`, or `value` itself; `snapped` says which happened. */
export function snapTo(
  value: number,
  targets: readonly number[],
  threshold: number,
): { value: number; snapped: boolean } {
  let best = value;
  let distance = threshold;
  for (const target of targets) {
    const gap = Math.abs(target - value);
    if (gap <= distance) {
      best = target;
      distance = gap;
    }
  }
  return { value: best, snapped: best !== value || targets.includes(value) };
}
