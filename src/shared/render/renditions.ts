import type { Rendition } from '../media/renders';
import type { Take } from '../media/takes';

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

/** The height of the take's picture (the screen's, else the one file with a picture); null for sound only. */
export function sourceHeightOf(take: Pick<Take, 'files'>): number | null {
  const video =
    take.files.find((file) => file.role === 'screen' && file.height !== null) ??
    take.files.find((file) => file.height !== null);
  return video?.height ?? null;
}

/** Why a size cannot be rendered from this take, or null when it can. */
export function renditionUnavailable(take: Pick<Take, 'files'>, rendition: Rendition): string | null {
  if (rendition === 0)
    return take.files.some((file) => file.audioCodec !== null) ? null : 'This recording has no sound';
  return sourceHeightOf(take) === null ? 'This recording has no video' : null;
}
