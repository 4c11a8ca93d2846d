import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { outputFrameRate, outputSize, videoBitrate } from './outputSize';
import { defaultRenditions } from './renditions';

describe('outputSize', () => {
  it('keeps the aspect and scales down to the rendition height', () => {
    expect(outputSize({ width: 1920, height: 1080 }, 720)).toEqual({ width: 1280, height: 720 });
    expect(outputSize({ width: 1920, height: 1080 }, 360)).toEqual({ width: 640, height: 360 });
    expect(outputSize({ width: 1440, height: 900 }, 480)).toEqual({ width: 768, height: 480 });
  });

  it('never upscales', () => {
    expect(outputSize({ width: 640, height: 360 }, 1080)).toEqual({ width: 640, height: 360 });
  });

  it('gives even dimensions, even for odd sources', () => {
    expect(outputSize({ width: 1281, height: 721 }, 1080)).toEqual({ width: 1280, height: 720 });
    expect(outputSize({ width: 853, height: 480 }, 360)).toEqual({ width: 640, height: 360 });
  });

  it('for any source: even, within the source and the rendition, aspect within a pixel', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 16, max: 4000 }),
        fc.integer({ min: 16, max: 4000 }),
        fc.constantFrom(1080, 720, 480, 360),
        (width, height, rendition) => {
          const out = outputSize({ width, height }, rendition);
          expect(out.width % 2).toBe(0);
          expect(out.height % 2).toBe(0);
          expect(out.width).toBeLessThanOrEqual(width);
          expect(out.height).toBeLessThanOrEqual(Math.min(height, rendition));
          expect(Math.abs(out.width - (width * out.height) / height)).toBeLessThanOrEqual(2.01);
        },
      ),
    );
  });
});

describe('outputFrameRate and videoBitrate', () => {
  it('rounds the source rate into 24 to 60, 30 when unknown', () => {
    expect([outputFrameRate(29.97), outputFrameRate(8), outputFrameRate(120), outputFrameRate(null)]).toEqual([
      30, 24, 60, 30,
    ]);
  });
  it('spends more bits on taller frames', () => {
    expect(videoBitrate(1080)).toBeGreaterThan(videoBitrate(720));
    expect(videoBitrate(720)).toBeGreaterThan(videoBitrate(480));
    expect(videoBitrate(480)).toBeGreaterThan(videoBitrate(360));
  });
});

describe('defaultRenditions', () => {
  it('offers the source height, the next lower one and audio only', () => {
    expect(defaultRenditions(1080)).toEqual([1080, 720, 0]);
    expect(defaultRenditions(720)).toEqual([720, 480, 0]);
    expect(defaultRenditions(1200)).toEqual([1080, 720, 0]);
    expect(defaultRenditions(360)).toEqual([360, 0]);
    expect(defaultRenditions(240)).toEqual([360, 0]);
    expect(defaultRenditions(null)).toEqual([0]);
  });
});
