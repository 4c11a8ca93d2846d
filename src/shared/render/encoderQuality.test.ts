import { describe, expect, it } from 'vitest';
import {
  HARDWARE_BITRATE_STEPS,
  encoderSummary,
  lumaOfRgba,
  matchingBitrate,
  ssim,
  type LumaPlane,
} from './encoderQuality';

/** A picture with detail in it: stripes and a gradient, as a slide's text and shading give. */
function picture(width: number, height: number): LumaPlane {
  const data = new Uint8Array(width * height);
  for (let y = 0; y < height; y += 1)
    for (let x = 0; x < width; x += 1) data[y * width + x] = (x % 6 < 3 ? 40 : 200) + Math.round((y / height) * 50);
  return { data, width, height };
}

function withNoise(source: LumaPlane, amplitude: number): LumaPlane {
  let seed = 7;
  const data = source.data.map((value) => {
    seed = (seed * 1103515245 + 12345) % 2 ** 31;
    return Math.max(0, Math.min(255, value + ((seed % (2 * amplitude + 1)) - amplitude)));
  });
  return { ...source, data };
}

describe('ssim', () => {
  it('is 1 for a picture against itself', () => {
    const source = picture(64, 48);
    expect(ssim(source, source)).toBeCloseTo(1, 10);
  });

  it('falls as the picture is degraded, more for more loss', () => {
    const source = picture(64, 48);
    const slight = ssim(source, withNoise(source, 4));
    const heavy = ssim(source, withNoise(source, 40));
    expect(slight).toBeLessThan(1);
    expect(heavy).toBeLessThan(slight);
    expect(heavy).toBeGreaterThan(0);
  });

  it('sees lost detail that leaves the mean brightness alone', () => {
    const source = picture(64, 48);
    const mean = Array.from(source.data).reduce((sum, value) => sum + value, 0) / source.data.length;
    const flat: LumaPlane = { ...source, data: new Uint8Array(source.data.length).fill(Math.round(mean)) };
    expect(ssim(source, flat)).toBeLessThan(0.2);
  });

  it('sees blocking on the 8×8 grid an H.264 encoder works in as clearly as blocking off it', () => {
    // A smooth picture, as a slide's shading is, and each 8×8 block of it shifted up or down by 6 levels, the
    // artefact a starved encoder shows first; once on the codec's grid and once 4 pixels off it.
    const width = 64;
    const height = 48;
    const smooth = new Uint8Array(width * height).map((_, at) => 60 + ((at % width) + Math.floor(at / width)));
    const source: LumaPlane = { data: smooth, width, height };
    const blocked = (offset: number): LumaPlane => ({
      width,
      height,
      data: smooth.map((value, at) => {
        const block = Math.floor(((at % width) + offset) / 8) + Math.floor((Math.floor(at / width) + offset) / 8);
        return value + (block % 2 === 0 ? 6 : -6);
      }),
    });
    const onGrid = ssim(source, blocked(0));
    const offGrid = ssim(source, blocked(4));
    expect(onGrid).toBeLessThan(0.95);
    expect(Math.abs(onGrid - offGrid)).toBeLessThan(0.05);
  });

  it('refuses pictures of different sizes or smaller than a window', () => {
    expect(() => ssim(picture(64, 48), picture(48, 64))).toThrow(/one size/);
    expect(() => ssim(picture(4, 4), picture(4, 4))).toThrow(/at least/);
  });
});

describe('lumaOfRgba', () => {
  it('weighs green most and blue least, white and black at the ends', () => {
    const rgba = new Uint8Array([255, 255, 255, 255, 0, 0, 0, 255, 255, 0, 0, 255, 0, 255, 0, 255, 0, 0, 255, 255]);
    const [white, black, red, green, blue] = lumaOfRgba(rgba, 5, 1).data;
    expect([white, black]).toEqual([255, 0]);
    expect(green).toBeGreaterThan(red!);
    expect(red).toBeGreaterThan(blue!);
  });

  it('refuses fewer pixels than the size says', () => {
    expect(() => lumaOfRgba(new Uint8Array(12), 2, 2)).toThrow(/fewer/);
  });
});

describe('matchingBitrate', () => {
  it('keeps the planned bitrate when the hardware encode is as good there', async () => {
    const asked: number[] = [];
    const match = await matchingBitrate(4_000_000, 0.98, async (bitrate) => {
      asked.push(bitrate);
      return 0.981;
    });
    expect(match).toEqual({ bitrate: 4_000_000, ssim: 0.981 });
    expect(asked).toEqual([4_000_000]);
  });

  it('raises the bitrate step by step until the quality matches, and stops there', async () => {
    const asked: number[] = [];
    // A hardware encoder that needs 1.5 times the bitrate for the software encoder's quality.
    const measure = async (bitrate: number) => {
      asked.push(bitrate);
      return bitrate >= 6_000_000 ? 0.979 : 0.95;
    };
    expect(await matchingBitrate(4_000_000, 0.98, measure)).toEqual({ bitrate: 6_000_000, ssim: 0.979 });
    expect(asked).toEqual([4_000_000, 5_000_000, 6_000_000]);
  });

  it('answers null, so the render stays in software, when no step reaches the quality', async () => {
    const asked: number[] = [];
    const match = await matchingBitrate(4_000_000, 0.98, async (bitrate) => {
      asked.push(bitrate);
      return 0.9;
    });
    expect(match).toBeNull();
    expect(asked).toHaveLength(HARDWARE_BITRATE_STEPS.length);
  });
});

describe('encoderSummary', () => {
  it('names the hardware encoder with its bitrate and both measured qualities', () => {
    const facts = {
      kind: 'hardware',
      bitrate: 6_000_000,
      why: null,
      ssim: { hardware: 0.9812, software: 0.9794 },
    } as const;
    expect(encoderSummary(facts, 1)).toBe('the hardware encoder at 6.0 Mbit/s (SSIM 0.981, software 0.979)');
  });

  it('names the software encoder, how many ran, and why the hardware one did not', () => {
    const facts = { kind: 'software', bitrate: 2_500_000, why: 'no hardware encoder', ssim: null } as const;
    expect(encoderSummary(facts, 2)).toBe('the software encoder (2 side by side) at 2.5 Mbit/s; no hardware encoder');
    expect(encoderSummary({ ...facts, why: null }, 1)).toBe('the software encoder at 2.5 Mbit/s');
  });

  it('does not call an encoder software that the browser picked itself', () => {
    const facts = { kind: 'unstated', bitrate: 2_500_000, why: null, ssim: null } as const;
    expect(encoderSummary(facts, 1)).toBe('the encoder the browser chose at 2.5 Mbit/s');
  });
});
