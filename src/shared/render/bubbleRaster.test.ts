import { describe, expect, it } from 'vitest';
import type { BubbleRect } from '../editor/bubbleGeometry';
import { composeBubble, createBubbleRaster, type I420Frame } from './bubbleRaster';

/** An I420 frame laid out as WebCodecs' copyTo lays it out, filled by a function of the luma position. */
function frame(width: number, height: number, fill: (x: number, y: number) => [number, number, number]): I420Frame {
  const chromaWidth = Math.ceil(width / 2);
  const chromaHeight = Math.ceil(height / 2);
  const data = new Uint8Array(width * height + 2 * chromaWidth * chromaHeight);
  const planes = [
    { offset: 0, stride: width },
    { offset: width * height, stride: chromaWidth },
    { offset: width * height + chromaWidth * chromaHeight, stride: chromaWidth },
  ];
  for (let y = 0; y < height; y += 1) for (let x = 0; x < width; x += 1) data[y * width + x] = fill(x, y)[0];
  for (let y = 0; y < chromaHeight; y += 1) {
    for (let x = 0; x < chromaWidth; x += 1) {
      const [, u, v] = fill(x * 2, y * 2);
      data[planes[1]!.offset + y * chromaWidth + x] = u;
      data[planes[2]!.offset + y * chromaWidth + x] = v;
    }
  }
  return { data, width, height, planes };
}

const lumaAt = (image: I420Frame, x: number, y: number) =>
  image.data[image.planes[0]!.offset + y * image.planes[0]!.stride + x]!;
const chromaAt = (image: I420Frame, plane: 1 | 2, x: number, y: number) =>
  image.data[image.planes[plane]!.offset + (y >> 1) * image.planes[plane]!.stride + (x >> 1)]!;

const SCREEN = { width: 320, height: 180 };
const grey = () => frame(SCREEN.width, SCREEN.height, () => [100, 120, 140]);
const circle: BubbleRect = { x: 200, y: 60, width: 90, height: 90, radius: 45 };

describe('composeBubble', () => {
  it('shows the camera inside the bubble and leaves every pixel outside its box as it was', () => {
    const screen = grey();
    const before = screen.data.slice();
    const camera = frame(160, 90, () => [200, 60, 30]);
    composeBubble(createBubbleRaster(circle, SCREEN, camera), screen, camera);

    expect([lumaAt(screen, 245, 105), chromaAt(screen, 1, 245, 105), chromaAt(screen, 2, 245, 105)]).toEqual([
      200, 60, 30,
    ]);
    for (let y = 0; y < SCREEN.height; y += 1) {
      for (let x = 0; x < SCREEN.width; x += 1) {
        const inBox = x >= circle.x && x < circle.x + circle.width && y >= circle.y && y < circle.y + circle.height;
        if (!inBox) expect(lumaAt(screen, x, y), `luma at ${x},${y}`).toBe(before[y * SCREEN.width + x]);
      }
    }
  });

  it('clips to the circle: the corners of its box keep the screen', () => {
    const screen = grey();
    const camera = frame(160, 90, () => [200, 60, 30]);
    composeBubble(createBubbleRaster(circle, SCREEN, camera), screen, camera);
    for (const [x, y] of [
      [200, 60],
      [289, 60],
      [200, 149],
      [289, 149],
      [205, 65],
    ] as const) {
      expect(lumaAt(screen, x, y), `corner ${x},${y}`).toBe(100);
      expect(chromaAt(screen, 1, x, y)).toBe(120);
    }
  });

  it('draws a light ring just inside the edge, as the preview does', () => {
    const screen = frame(SCREEN.width, SCREEN.height, () => [16, 128, 128]);
    const camera = frame(160, 90, () => [16, 128, 128]);
    composeBubble(createBubbleRaster(circle, SCREEN, camera), screen, camera);
    // The ring is max(2, 90 / 60) = 2 px wide at 90 % white: on black, just inside the top edge is near white.
    expect(lumaAt(screen, 245, 61)).toBeGreaterThan(190);
    expect(lumaAt(screen, 245, 66)).toBe(16);
    expect(chromaAt(screen, 1, 245, 61)).toBe(128);
  });

  it('fills the bubble with the centre of a wider camera and never samples the cropped-away sides', () => {
    // Camera 160×90: the square crop is columns 35–124. Outside it a marker value the bubble must never show.
    const camera = frame(160, 90, (x) =>
      x < 35 || x >= 125 ? [255, 255, 255] : x < 80 ? [40, 128, 128] : [180, 128, 128],
    );
    const screen = grey();
    const square: BubbleRect = { x: 100, y: 40, width: 90, height: 90, radius: 0 };
    composeBubble(createBubbleRaster(square, SCREEN, camera), screen, camera);
    const ringWidth = 2;
    const row = 85;
    const values = Array.from({ length: 90 - 2 * ringWidth }, (_, index) =>
      lumaAt(screen, 100 + ringWidth + index, row),
    );
    expect(Math.max(...values)).toBeLessThanOrEqual(180);
    expect(values.slice(0, 40).every((value) => value === 40)).toBe(true);
    expect(values.slice(-40).every((value) => value === 180)).toBe(true);
  });

  it('scales the camera smoothly (bilinear), up or down', () => {
    const ramp = frame(40, 40, (x) => [16 + x * 5, 128, 128]);
    const screen = grey();
    const big: BubbleRect = { x: 0, y: 0, width: 160, height: 160, radius: 0 };
    composeBubble(createBubbleRaster(big, SCREEN, ramp), screen, ramp);
    const row = Array.from({ length: 150 }, (_, index) => lumaAt(screen, 5 + index, 80));
    for (let index = 1; index < row.length; index += 1) expect(row[index]! - row[index - 1]!).toBeGreaterThanOrEqual(0);
    expect(new Set(row).size).toBeGreaterThan(100);
  });

  it('handles a bubble at odd coordinates and one reaching past the frame edge', () => {
    const camera = frame(64, 64, () => [200, 60, 30]);
    for (const rect of [
      { x: 31, y: 17, width: 51, height: 51, radius: 10 },
      { x: 290, y: 150, width: 80, height: 80, radius: 40 },
    ]) {
      const screen = grey();
      composeBubble(createBubbleRaster(rect, SCREEN, camera), screen, camera);
      const cx = Math.min(rect.x + rect.width / 2, SCREEN.width - 5);
      const cy = Math.min(rect.y + rect.height / 2, SCREEN.height - 5);
      expect(lumaAt(screen, Math.floor(cx), Math.floor(cy))).toBe(200);
    }
  });

  it('refuses frames of another size than it was laid out for', () => {
    const raster = createBubbleRaster(circle, SCREEN, { width: 160, height: 90 });
    expect(() =>
      composeBubble(
        raster,
        frame(640, 360, () => [0, 0, 0]),
        frame(160, 90, () => [0, 0, 0]),
      ),
    ).toThrow('laid out for a 320×180 frame');
    expect(() =>
      composeBubble(
        raster,
        grey(),
        frame(320, 180, () => [0, 0, 0]),
      ),
    ).toThrow('samples a 160×90 camera');
  });
});
