import type { BubbleRect } from '../../../../../shared/editor/bubbleGeometry';

/**
 * Puts an RGBA layer onto an I420 frame at `rect`, in place, with its alpha: BT.601 limited range, the colour space
 * of what browsers record and ffmpeg encodes by default. Chroma is sampled from the top-left pixel of each 2×2 block.
 */
export function blendIntoI420(frame: Uint8Array, layout: readonly PlaneLayout[], size: { width: number; height: number }, layer: ImageData, rect: BubbleRect): void {
  const [yPlane, uPlane, vPlane] = layout;
  if (!yPlane || !uPlane || !vPlane) return;
  const pixels = layer.data;
  const x0 = Math.max(0, rect.x);
  const y0 = Math.max(0, rect.y);
  const x1 = Math.min(size.width, rect.x + layer.width);
  const y1 = Math.min(size.height, rect.y + layer.height);
  for (let y = y0; y < y1; y += 1) {
    const row = (y - rect.y) * layer.width;
    const yRow = yPlane.offset + y * yPlane.stride;
    const chromaRow = (y & 1) === 0;
    const uRow = uPlane.offset + (y >> 1) * uPlane.stride;
    const vRow = vPlane.offset + (y >> 1) * vPlane.stride;
    for (let x = x0; x < x1; x += 1) {
      const p = (row + x - rect.x) * 4;
      const alpha = (pixels[p + 3] ?? 0) / 255;
      if (alpha === 0) continue;
      const r = pixels[p] ?? 0;
      const g = pixels[p + 1] ?? 0;
      const b = pixels[p + 2] ?? 0;
      const yValue = 16 + (65.738 * r + 129.057 * g + 25.064 * b) / 256;
      const yIndex = yRow + x;
      frame[yIndex] = (frame[yIndex] ?? 0) * (1 - alpha) + yValue * alpha;
      if (chromaRow && (x & 1) === 0) {
        const uIndex = uRow + (x >> 1);
        const vIndex = vRow + (x >> 1);
        frame[uIndex] = (frame[uIndex] ?? 0) * (1 - alpha) + (128 + (-37.945 * r - 74.494 * g + 112.439 * b) / 256) * alpha;
        frame[vIndex] = (frame[vIndex] ?? 0) * (1 - alpha) + (128 + (112.439 * r - 94.154 * g - 18.285 * b) / 256) * alpha;
      }
    }
  }
}
