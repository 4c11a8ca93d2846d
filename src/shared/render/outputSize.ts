import type { FrameSize } from '../editor/bubbleGeometry';

export type VideoHeight = 1080 | 720 | 480 | 360;

/** Encoders want even dimensions (4:2:0 chroma is subsampled by two). */
const even = (value: number) => Math.max(2, 2 * Math.floor(value / 2));

/**
 * The frame size of a rendition: the source's aspect kept, even dimensions, and never larger than the source (an
 * upscale only costs bytes and shows nothing more).
 */
export function outputSize(source: FrameSize, height: VideoHeight): FrameSize {
  const target = even(Math.min(height, source.height));
  const width = Math.min(even(source.width), even(Math.round((source.width * target) / source.height / 2) * 2));
  return { width, height: target };
}

/** A bitrate in bits per second that keeps screen text crisp at each height (lectures are mostly text and slides). */
export function videoBitrate(height: number): number {
  if (height > 720) return 6_000_000;
  if (height > 480) return 3_500_000;
  if (height > 360) return 1_800_000;
  return 1_000_000;
}

export const AUDIO_BITRATE = 128_000;

/** Whole frames per second, 24 to 60: a variable-rate screen capture averaging less still needs smooth motion. */
export function outputFrameRate(sourceRate: number | null): number {
  if (sourceRate === null || !Number.isFinite(sourceRate) || sourceRate <= 0) return 30;
  return Math.min(60, Math.max(24, Math.round(sourceRate)));
}
