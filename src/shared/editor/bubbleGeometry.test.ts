import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { bubbleRect, bubbleVisibleAt } from './bubbleGeometry';
import { DEFAULT_CAMERA_LAYOUT, type CameraLayout } from './document';

const hd = { width: 1280, height: 720 };
const layout = (changes: Partial<CameraLayout>): CameraLayout => ({ ...DEFAULT_CAMERA_LAYOUT, ...changes });

describe('bubbleRect', () => {
  it('puts a circle in a corner, a margin away from both edges', () => {
    expect(bubbleRect(layout({ placement: { kind: 'corner', corner: 'bottom-right' }, size: 0.25 }), hd)).toEqual({
      x: 1248 - 320,
      y: 720 - 32 - 320,
      width: 320,
      height: 320,
      radius: 160,
    });
    expect(bubbleRect(layout({ placement: { kind: 'corner', corner: 'top-left' }, size: 0.25 }), hd)).toMatchObject({
      x: 32,
      y: 32,
    });
    expect(bubbleRect(layout({ placement: { kind: 'corner', corner: 'top-right' }, size: 0.25 }), hd)).toMatchObject({
      x: 928,
      y: 32,
    });
    expect(bubbleRect(layout({ placement: { kind: 'corner', corner: 'bottom-left' }, size: 0.25 }), hd)).toMatchObject({
      x: 32,
      y: 368,
    });
  });

  it('gives a rounded bubble the camera’s shape and rounded corners', () => {
    expect(bubbleRect(layout({ shape: 'rounded', size: 0.25 }), hd, 4 / 3)).toEqual({
      x: 928,
      y: 448,
      width: 320,
      height: 240,
      radius: 29,
    });
  });

  it('places a free bubble by its top-left corner, kept on the frame', () => {
    expect(bubbleRect(layout({ placement: { kind: 'free', x: 0.5, y: 0.5 }, size: 0.1 }), hd)).toMatchObject({
      x: 640,
      y: 360,
      width: 128,
    });
    expect(bubbleRect(layout({ placement: { kind: 'free', x: 1, y: 1 }, size: 0.1 }), hd)).toMatchObject({
      x: 1152,
      y: 592,
    });
  });

  it('shrinks a bubble too tall for the frame', () => {
    expect(bubbleRect(layout({ size: 0.6 }), { width: 1000, height: 300 })).toMatchObject({ width: 250, height: 250 });
  });

  it('scales with the frame: the same layout at half the size is half the rectangle (to a pixel)', () => {
    fc.assert(
      fc.property(
        fc.double({ min: 0.08, max: 0.6, noNaN: true }),
        fc.constantFrom<CameraLayout['placement']>(
          { kind: 'corner', corner: 'top-left' },
          { kind: 'corner', corner: 'bottom-right' },
          { kind: 'free', x: 0.3, y: 0.7 },
        ),
        (size, placement) => {
          const big = bubbleRect(layout({ size, placement }), { width: 1920, height: 1080 });
          const small = bubbleRect(layout({ size, placement }), { width: 960, height: 540 });
          for (const key of ['x', 'y', 'width', 'height'] as const)
            expect(Math.abs(big[key] / 2 - small[key])).toBeLessThanOrEqual(1);
          expect(big.x + big.width).toBeLessThanOrEqual(1920);
          expect(big.y + big.height).toBeLessThanOrEqual(1080);
        },
      ),
    );
  });
});

describe('bubbleVisibleAt', () => {
  it('hides the bubble inside hidden ranges only', () => {
    const hidden = layout({ hidden: [{ start: 1_000, end: 2_000 }] });
    expect([999, 1_000, 1_999, 2_000].map((t) => bubbleVisibleAt(hidden, t))).toEqual([true, false, false, true]);
  });
});
