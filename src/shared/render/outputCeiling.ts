import type { Take } from '../media/takes';
import { AUDIO_BITRATE, videoBitrate } from './outputSize';

/** Encoders overshoot their target on busy frames; four times the largest target still fits any real render. */
const BITRATE_HEADROOM = 4;
/** Room for the MP4 index written at the front (fast start) and the muxer's padding, even for a very short take. */
const FIXED_BYTES = 64 * 1024 * 1024;

/**
 * The most bytes any render of `take` can write: its whole length re-encoded at the top rendition's bitrate with
 * headroom, plus the take's own bytes (the fast path copies packets as recorded), plus fixed room for the index.
 * Main plans it from the take itself, not from what the renderer says, and refuses a write that would reach past it:
 * a broken or hostile page cannot grow a sparse file to the size of the disk.
 */
export function renderByteCeiling(take: Pick<Take, 'durationMs' | 'files'>): number {
  const seconds = take.durationMs / 1000;
  const encoded = (seconds * BITRATE_HEADROOM * (videoBitrate(Infinity) + AUDIO_BITRATE)) / 8;
  const recorded = take.files.reduce((sum, file) => sum + file.sizeBytes, 0);
  return Math.ceil(encoded) + recorded + FIXED_BYTES;
}
