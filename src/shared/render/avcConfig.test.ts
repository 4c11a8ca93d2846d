import { describe, expect, it } from 'vitest';
import {
  avcCodecString,
  descriptionBytes,
  lengthPrefixed,
  nalUnitsOf,
  parseAvcConfig,
  relengthed,
  sameParameterSets,
  withParameterSets,
} from './avcConfig';

const bytes = (hex: string) => Uint8Array.from(hex.match(/../g) ?? [], (pair) => parseInt(pair, 16));
const hexOf = (data: Uint8Array) => Array.from(data, (byte) => byte.toString(16).padStart(2, '0')).join('');

// Made by `ffmpeg -f lavfi -i testsrc=s=64x36:r=30:d=1 -c:v libx264 -bf 0 -pix_fmt yuv420p` and read from the MP4's avcC:
// ultrafast (Constrained Baseline 1.0), and -preset medium -profile:v high (High 1.0, with the chroma/bit-depth tail).
const BASELINE = bytes('0142c00affe100166742c00ada11fe7c0440000003004000000f03c489a801000468ce0fc8');
const HIGH = bytes('0164000affe100176764000aacb208ff3e0220000003002000000781e244c901000668ebc3cb22c0fdf8f800');

describe('parseAvcConfig', () => {
  it('reads profile, constraints, level, NAL length size and the parameter sets of a libx264 record', () => {
    const config = parseAvcConfig(BASELINE);
    expect(config).toMatchObject({ profile: 0x42, compat: 0xc0, level: 0x0a, lengthSize: 4 });
    expect(config.sps.map(hexOf)).toEqual(['6742c00ada11fe7c0440000003004000000f03c489a8']);
    expect(config.pps.map(hexOf)).toEqual(['68ce0fc8']);
  });

  it('ignores the High-profile tail after the PPS', () => {
    const config = parseAvcConfig(HIGH);
    expect(config).toMatchObject({ profile: 100, compat: 0, level: 10, lengthSize: 4 });
    expect(config.pps.map(hexOf)).toEqual(['68ebc3cb22c0']);
  });

  it('refuses a truncated record or another version', () => {
    expect(() => parseAvcConfig(BASELINE.subarray(0, 20))).toThrow('truncated');
    expect(() => parseAvcConfig(bytes('02'))).toThrow('version');
  });
});

describe('descriptionBytes', () => {
  it('copies only the bytes a view covers, into a buffer of their own', () => {
    const whole = bytes('0001020304050607');
    const copy = descriptionBytes(whole.subarray(2, 5));
    whole[3] = 0xff;
    expect([...copy]).toEqual([2, 3, 4]);
    expect(copy.buffer.byteLength).toBe(3);
    expect([...descriptionBytes(bytes('0a0b').buffer)]).toEqual([10, 11]);
    expect([...descriptionBytes(new DataView(whole.buffer, 6, 2))]).toEqual([6, 7]);
  });
});

describe('sameParameterSets', () => {
  it('compares SPS and PPS bytes, not the header', () => {
    const baseline = parseAvcConfig(BASELINE);
    expect(sameParameterSets(baseline, parseAvcConfig(BASELINE.slice()))).toBe(true);
    expect(sameParameterSets(baseline, parseAvcConfig(HIGH))).toBe(false);
    expect(sameParameterSets(baseline, { ...baseline, level: 0x1f })).toBe(true);
    expect(sameParameterSets(baseline, { ...baseline, pps: [bytes('68ce0fc9')] })).toBe(false);
  });
});

describe('avcCodecString', () => {
  it('names one configuration as its record does', () => {
    expect(avcCodecString('avc3', parseAvcConfig(BASELINE))).toBe('avc3.42c00a');
    expect(avcCodecString('avc1', parseAvcConfig(HIGH))).toBe('avc1.64000a');
  });

  it('covers a mix: the more capable profile, shared constraints only, the higher level', () => {
    const baseline = parseAvcConfig(BASELINE);
    expect(avcCodecString('avc3', baseline, { ...parseAvcConfig(HIGH), level: 0x1e })).toBe('avc3.64001e');
    expect(avcCodecString('avc3', baseline, { ...baseline, compat: 0x40, level: 0x0a })).toBe('avc3.42400a');
  });
});

describe('NAL units', () => {
  const slice = bytes('6588840021');
  const sei = bytes('0605ff');

  it('splits and joins length-prefixed samples at every length size', () => {
    for (const size of [1, 2, 4]) {
      const sample = lengthPrefixed([sei, slice], size);
      expect(sample.length).toBe(2 * size + sei.length + slice.length);
      expect(nalUnitsOf(sample, size).map(hexOf)).toEqual([hexOf(sei), hexOf(slice)]);
    }
    expect(hexOf(lengthPrefixed([slice], 2))).toBe('0005' + hexOf(slice));
  });

  it('refuses a unit running past its sample or one too long for its prefix', () => {
    expect(() => nalUnitsOf(bytes('0000000a6588'), 4)).toThrow('past the end');
    expect(() => lengthPrefixed([new Uint8Array(256)], 1)).toThrow('too long');
  });

  it('changes the length size of a sample', () => {
    expect(hexOf(relengthed(lengthPrefixed([slice], 4), 4, 2))).toBe('0005' + hexOf(slice));
  });

  it('puts a configuration’s SPS and PPS in band before the slices, replacing stale ones, after a delimiter', () => {
    const high = parseAvcConfig(HIGH);
    const baseline = parseAvcConfig(BASELINE);
    const staleKey = lengthPrefixed([bytes('0910'), ...baseline.sps, ...baseline.pps, sei, slice], 4);
    const units = nalUnitsOf(withParameterSets(staleKey, 4, high, 2), 2).map(hexOf);
    expect(units).toEqual(['0910', hexOf(high.sps[0]!), hexOf(high.pps[0]!), hexOf(sei), hexOf(slice)]);
    expect(nalUnitsOf(withParameterSets(lengthPrefixed([slice], 4), 4, baseline, 4), 4).map(hexOf)).toEqual([
      hexOf(baseline.sps[0]!),
      hexOf(baseline.pps[0]!),
      hexOf(slice),
    ]);
  });
});
