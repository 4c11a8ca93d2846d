/**
 * How a hardware encoder's bitrate is chosen (issue 18.5): by measured quality, not by trust. A hardware H.264
 * encoder is fast but often compresses worse than the software one at the same bitrate, so before a render uses it,
 * the same short run of the lesson's own frames is encoded by both and each result's SSIM against the frames is
 * measured (luma, the channel the eye reads detail in). The hardware encoder is used at the lowest of a few raised
 * bitrates whose SSIM reaches the software encoder's at the planned bitrate; where none does, the render stays in
 * software.
 */

/** The hardware encoder's bitrate as multiples of the planned one, tried in turn. */
export const HARDWARE_BITRATE_STEPS = [1, 1.25, 1.5, 2] as const;
/** How far below the software encoder's SSIM a hardware encode may fall and still count as no worse to the eye. */
export const SSIM_TOLERANCE = 0.002;

export interface BitrateMatch {
  readonly bitrate: number;
  readonly ssim: number;
}

/**
 * The lowest stepped bitrate whose measured SSIM reaches `referenceSsim` (less the tolerance), measuring no more
 * steps than it needs; null where even the highest falls short.
 */
export async function matchingBitrate(
  plannedBitrate: number,
  referenceSsim: number,
  measure: (bitrate: number) => Promise<number>,
): Promise<BitrateMatch | null> {
  for (const step of HARDWARE_BITRATE_STEPS) {
    const bitrate = Math.round(plannedBitrate * step);
    const ssim = await measure(bitrate);
    if (ssim >= referenceSsim - SSIM_TOLERANCE) return { bitrate, ssim };
  }
  return null;
}

/** A picture's luma, one byte a pixel, row after row. */
export interface LumaPlane {
  readonly data: Uint8Array | Uint8ClampedArray;
  readonly width: number;
  readonly height: number;
}

/** Luma (BT.601 weights, full range) of RGBA pixels as a canvas gives them. */
export function lumaOfRgba(rgba: Uint8Array | Uint8ClampedArray, width: number, height: number): LumaPlane {
  if (rgba.length < width * height * 4) throw new Error('The pixels are fewer than the picture’s size');
  const data = new Uint8Array(width * height);
  for (let pixel = 0, at = 0; pixel < data.length; pixel += 1, at += 4) {
    data[pixel] = (77 * (rgba[at] ?? 0) + 150 * (rgba[at + 1] ?? 0) + 29 * (rgba[at + 2] ?? 0) + 128) >> 8;
  }
  return { data, width, height };
}

const WINDOW = 8;
/** Windows overlap by half: ones that sat on H.264's 8×8 block grid would never see a block's edge, the artefact a weak encoder shows first. */
const STRIDE = 4;
const C1 = (0.01 * 255) ** 2;
const C2 = (0.03 * 255) ** 2;

/**
 * Structural similarity of two pictures of one size: the mean of SSIM over 8×8 windows every 4 pixels (the
 * constants of Wang et al. 2004; ffmpeg's ssim filter windows the same way). 1 is identical; what the eye calls
 * "no visible loss" in a screen recording sits at about 0.98 and above.
 */
export function ssim(a: LumaPlane, b: LumaPlane): number {
  if (a.width !== b.width || a.height !== b.height) throw new Error('SSIM needs two pictures of one size');
  if (a.width < WINDOW || a.height < WINDOW) throw new Error(`SSIM needs pictures of at least ${WINDOW}×${WINDOW}`);
  const count = WINDOW * WINDOW;
  let total = 0;
  let windows = 0;
  for (let top = 0; top + WINDOW <= a.height; top += STRIDE) {
    for (let left = 0; left + WINDOW <= a.width; left += STRIDE) {
      let sumA = 0;
      let sumB = 0;
      let sumAA = 0;
      let sumBB = 0;
      let sumAB = 0;
      for (let row = top; row < top + WINDOW; row += 1) {
        const start = row * a.width + left;
        for (let at = start; at < start + WINDOW; at += 1) {
          const pa = a.data[at] ?? 0;
          const pb = b.data[at] ?? 0;
          sumA += pa;
          sumB += pb;
          sumAA += pa * pa;
          sumBB += pb * pb;
          sumAB += pa * pb;
        }
      }
      const meanA = sumA / count;
      const meanB = sumB / count;
      const varianceA = sumAA / count - meanA * meanA;
      const varianceB = sumBB / count - meanB * meanB;
      const covariance = sumAB / count - meanA * meanB;
      total +=
        ((2 * meanA * meanB + C1) * (2 * covariance + C2)) /
        ((meanA * meanA + meanB * meanB + C1) * (varianceA + varianceB + C2));
      windows += 1;
    }
  }
  return total / windows;
}

/** A render asks for the hardware encoder first, unless it is run again after a hardware encoder failed (`why`). */
export type EncoderPreference = { readonly hardware: 'first' } | { readonly hardware: 'not'; readonly why: string };

/** Which H.264 encoder made a render's video, for its facts (the job row and `flipside render`). */
export interface EncoderFacts {
  /** `unstated`: the browser named no software encoder, so it picked one itself, which may be either. */
  readonly kind: 'hardware' | 'software' | 'unstated';
  /** Bits a second the video was encoded at: the plan's, or a hardware encoder's raised to match the software's quality. */
  readonly bitrate: number;
  /** Why the software encoder ran; null where the hardware encoder did. */
  readonly why: string | null;
  /** Both encoders' SSIM on the lesson's own frames, where they were measured (the hardware one at its last bitrate tried). */
  readonly ssim: { readonly hardware: number; readonly software: number } | null;
}

/** Which encoder made the video, for `flipside render`'s last line: "the software encoder (2 side by side) at 2.5 Mbit/s; …". */
export function encoderSummary(facts: EncoderFacts, lanes: number): string {
  const rate = `${(facts.bitrate / 1e6).toFixed(1)} Mbit/s`;
  if (facts.kind === 'hardware') {
    const measured = facts.ssim
      ? ` (SSIM ${facts.ssim.hardware.toFixed(3)}, software ${facts.ssim.software.toFixed(3)})`
      : '';
    return `the hardware encoder at ${rate}${measured}`;
  }
  const side = lanes > 1 ? ` (${lanes} side by side)` : '';
  const which = facts.kind === 'software' ? 'the software encoder' : 'the encoder the browser chose';
  return `${which}${side} at ${rate}${facts.why ? `; ${facts.why}` : ''}`;
}
