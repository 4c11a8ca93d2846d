import { describe, expect, it } from 'vitest';
import { icnsFile, icoFile } from './iconContainers.mjs';

const png = (fill: number, length: number) => Buffer.alloc(length, fill);

describe('icon containers', () => {
  it('writes an .ico directory that points at each PNG, 256 written as 0', () => {
    const ico = icoFile([
      { size: 16, png: png(1, 10) },
      { size: 256, png: png(2, 20) },
    ]);
    expect(ico.readUInt16LE(2)).toBe(1);
    expect(ico.readUInt16LE(4)).toBe(2);
    expect([ico[6], ico[7], ico[22], ico[23]]).toEqual([16, 16, 0, 0]);
    const second = { length: ico.readUInt32LE(22 + 8), offset: ico.readUInt32LE(22 + 12) };
    expect(second).toEqual({ length: 20, offset: 6 + 32 + 10 });
    expect(ico.subarray(second.offset, second.offset + second.length)).toEqual(png(2, 20));
  });

  it('writes an .icns whose lengths add up, one typed entry per size', () => {
    const icns = icnsFile([
      { size: 32, png: png(3, 5) },
      { size: 1024, png: png(4, 7) },
    ]);
    expect(icns.subarray(0, 4).toString('ascii')).toBe('icns');
    expect(icns.readUInt32BE(4)).toBe(icns.length);
    expect(icns.subarray(8, 12).toString('ascii')).toBe('icp5');
    expect(icns.readUInt32BE(12)).toBe(13);
    expect(icns.subarray(21, 25).toString('ascii')).toBe('ic10');
  });

  it('refuses sizes the formats have no place for', () => {
    expect(() => icoFile([{ size: 512, png: png(0, 1) }])).toThrow('at most 256');
    expect(() => icnsFile([{ size: 48, png: png(0, 1) }])).toThrow('no slot for 48');
  });
});
