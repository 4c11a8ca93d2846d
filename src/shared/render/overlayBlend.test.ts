import { describe, expect, it } from 'vitest';
import type { I420Frame } from './bubbleRaster';
import { blendOverlay, rgbaOverlay } from './overlayBlend';

function grayFrame(width: number, height: number): I420Frame {
  const lumaSize = width * height;
  const chromaSize = (width / 2) * (height / 2);
  const data = new Uint8Array(lumaSize + 2 * chromaSize).fill(128);
  data.fill(100, 0, lumaSize);
  return {
    data,
    width,
    height,
    planes: [
      { offset: 0, stride: width },
      { offset: lumaSize, stride: width / 2 },
      { offset: lumaSize + chromaSize, stride: width / 2 },
    ],
  };
}

function overlayWith(width: number, height: number, paint: (x: number, y: number) => [number, number, number, number]) {
  const data = new Uint8ClampedArray(width * height * 4);
  for (let y = 0; y < height; y += 1) for (let x = 0; x < width; x += 1) data.set(paint(x, y), (y * width + x) * 4);
  return rgbaOverlay(data, width, height);
}

describe('blendOverlay (burned-in callouts without a canvas)', () => {
  it('leaves the frame untouched where the overlay is transparent, and finds the box worth blending', () => {
    const frame = grayFrame(8, 8);
    const before = frame.data.slice();
    const overlay = overlayWith(8, 8, (x, y) => (x === 5 && y === 3 ? [255, 0, 0, 255] : [0, 0, 0, 0]));
    expect(overlay.bounds).toEqual({ x0: 4, y0: 2, x1: 6, y1: 4 });
    blendOverlay(frame, overlay);
    const changed = [...frame.data.keys()].filter((index) => frame.data[index] !== before[index]);
    // One luma pixel (row 3, column 5) and the U and V samples of its 2×2 block.
    expect(changed).toEqual([3 * 8 + 5, 64 + 1 * 4 + 2, 64 + 16 + 1 * 4 + 2]);
  });

  it('gives an opaque pixel its own colour in BT.709 limited range', () => {
    const frame = grayFrame(2, 2);
    blendOverlay(
      frame,
      overlayWith(2, 2, () => [255, 0, 0, 255]),
    );
    // Pure red: Y 63, U 102, V 240 in BT.709 limited range.
    expect([...frame.data]).toEqual([63, 63, 63, 63, 102, 240]);
  });

  it('mixes a half-transparent pixel halfway, and chroma by the share of its block it covers', () => {
    const frame = grayFrame(2, 2);
    blendOverlay(
      frame,
      overlayWith(2, 2, (x, y) => (x === 0 && y === 0 ? [235, 235, 235, 128] : [0, 0, 0, 0])),
    );
    const white = 16 + 0.1826 * 235 + 0.6142 * 235 + 0.062 * 235;
    const alpha = 128 / 255;
    expect(frame.data[0]).toBe(Math.round(100 * (1 - alpha) + white * alpha));
    expect(frame.data.subarray(1, 4)).toEqual(new Uint8Array([100, 100, 100]));
    expect(frame.data[4]).toBe(128);
  });

  it('has nothing to blend for an empty overlay, and refuses one of another size', () => {
    expect(overlayWith(4, 4, () => [0, 0, 0, 0]).bounds).toBeNull();
    expect(() => {
      blendOverlay(
        grayFrame(4, 4),
        overlayWith(2, 2, () => [0, 0, 0, 255]),
      );
    }).toThrow(/2×2/);
  });
});
