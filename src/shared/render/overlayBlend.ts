import type { I420Frame } from './bubbleRaster';

/** An RGBA picture (straight alpha, as `getImageData` gives it) the size of the frame it goes over. */
export interface RgbaOverlay {
  readonly data: Uint8ClampedArray;
  readonly width: number;
  readonly height: number;
  /** The smallest box, in even pixels, holding every pixel that is not fully transparent; null when none is. */
  readonly bounds: { readonly x0: number; readonly y0: number; readonly x1: number; readonly y1: number } | null;
}

/** Wraps RGBA pixels as an overlay, finding once the box worth blending so each frame costs only that box. */
export function rgbaOverlay(data: Uint8ClampedArray, width: number, height: number): RgbaOverlay {
  let x0 = width;
  let y0 = height;
  let x1 = 0;
  let y1 = 0;
  for (let y = 0; y < height; y += 1)
    for (let x = 0; x < width; x += 1) {
      if (data[(y * width + x) * 4 + 3] === 0) continue;
      x0 = Math.min(x0, x);
      y0 = Math.min(y0, y);
      x1 = Math.max(x1, x + 1);
      y1 = Math.max(y1, y + 1);
    }
  if (x1 <= x0) return { data, width, height, bounds: null };
  const even = (value: number, limit: number) => Math.min(limit, value + (value % 2));
  return {
    data,
    width,
    height,
    bounds: { x0: x0 - (x0 % 2), y0: y0 - (y0 % 2), x1: even(x1, width), y1: even(y1, height) },
  };
}

/**
 * Blends an RGBA overlay into an I420 frame in place (BT.709, limited range, as decoders give HD video): each luma
 * pixel on its own, each chroma sample by the average of the four pixels it covers. Burned-in callouts go this way so
 * no frame is drawn on a canvas (see docs/ARCHITECTURE.md, render memory).
 */
export function blendOverlay(frame: I420Frame, overlay: RgbaOverlay): void {
  if (frame.width !== overlay.width || frame.height !== overlay.height)
    throw new Error(`The overlay is ${overlay.width}×${overlay.height}, the frame ${frame.width}×${frame.height}`);
  const [yPlane, uPlane, vPlane] = frame.planes;
  if (!yPlane || !uPlane || !vPlane) throw new Error('The frame must have three planes (I420)');
  const { bounds, data: rgba } = overlay;
  if (!bounds) return;
  const target = frame.data;
  const width = overlay.width;
  for (let y = bounds.y0; y < bounds.y1; y += 2) {
    for (let x = bounds.x0; x < bounds.x1; x += 2) {
      let alphaSum = 0;
      let uSum = 0;
      let vSum = 0;
      for (let dy = 0; dy < 2 && y + dy < frame.height; dy += 1)
        for (let dx = 0; dx < 2 && x + dx < width; dx += 1) {
          const at = ((y + dy) * width + x + dx) * 4;
          const alpha = (rgba[at + 3] ?? 0) / 255;
          if (alpha === 0) continue;
          const r = rgba[at] ?? 0;
          const g = rgba[at + 1] ?? 0;
          const b = rgba[at + 2] ?? 0;
          const lumaAt = yPlane.offset + (y + dy) * yPlane.stride + x + dx;
          const luma = 16 + 0.1826 * r + 0.6142 * g + 0.062 * b;
          target[lumaAt] = Math.round((target[lumaAt] ?? 0) * (1 - alpha) + luma * alpha);
          alphaSum += alpha;
          uSum += alpha * (128 - 0.1006 * r - 0.3386 * g + 0.4392 * b);
          vSum += alpha * (128 + 0.4392 * r - 0.3989 * g - 0.0403 * b);
        }
      if (alphaSum === 0) continue;
      const keep = 1 - alphaSum / 4;
      const uAt = uPlane.offset + (y / 2) * uPlane.stride + x / 2;
      const vAt = vPlane.offset + (y / 2) * vPlane.stride + x / 2;
      target[uAt] = Math.round((target[uAt] ?? 0) * keep + uSum / 4);
      target[vAt] = Math.round((target[vAt] ?? 0) * keep + vSum / 4);
    }
  }
}
