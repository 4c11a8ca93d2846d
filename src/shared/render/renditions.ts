import type { Rendition } from '../media/renders';

export const VIDEO_RENDITIONS = [1080, 720, 480, 360] as const;
export const ALL_RENDITIONS: readonly Rendition[] = [...VIDEO_RENDITIONS, 0];

export function renditionLabel(rendition: Rendition): string {
  return rendition === 0 ? 'Audio only' : `${rendition}p`;
}

/**
 * What the render dialog ticks first: the largest rendition the source fills, the next one down for slow
 * connections, and audio only. A take with no video offers audio only.
 */
export function defaultRenditions(sourceHeight: number | null): Rendition[] {
  if (sourceHeight === null) return [0];
  const fits = VIDEO_RENDITIONS.filter((height) => height <= sourceHeight);
  const picked = fits.length > 0 ? fits.slice(0, 2) : [360 as const];
  return [...picked, 0];
}
