import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { parseAvcConfig, type AvcConfig } from './avcConfig';
import { escape, renumberForSharing, unescape } from './avcRenumber';

/** Hand-made parameter sets, bit by bit: SPS 42 C0 1E with id 0; PPS ids 0/0 and the entropy flag given. */
const SPS_ID0 = Uint8Array.from([0x67, 0x42, 0xc0, 0x1e, 0b1100_0000]);
const pps = (cabac: boolean) => Uint8Array.from([0x68, cabac ? 0b1111_0000 : 0b1101_0000]);
const config = (cabac: boolean): AvcConfig => ({
  profile: 0x42,
  compat: 0xc0,
  level: 0x1e,
  lengthSize: 4,
  sps: [SPS_ID0],
  pps: [pps(cabac)],
});
const avcC = (sps: Uint8Array, ppsUnit: Uint8Array) =>
  Uint8Array.from([1, 0x42, 0xc0, 0x1e, 0xff, 0xe1, 0, sps.length, ...sps, 1, 0, ppsUnit.length, ...ppsUnit]);

describe('emulation prevention', () => {
  it('round-trips any payload, and never leaves a start-code-like run in the escaped bytes', () => {
    fc.assert(
      fc.property(
        fc.uint8Array({ maxLength: 300 }).map((bytes) => bytes.map((byte) => (byte < 200 ? 0 : byte % 4))),
        (payload) => {
          const escaped = escape(payload);
          expect([...unescape(escaped)]).toEqual([...payload]);
          for (let index = 2; index < escaped.length; index += 1) {
            if (escaped[index - 2] === 0 && escaped[index - 1] === 0) expect(escaped[index]).toBe(3);
          }
        },
      ),
    );
  });
});

describe('renumberForSharing', () => {
  it('gives the re-encoded SPS and PPS the first ids the recording leaves free and adds them to its avcC', () => {
    const renumbering = renumberForSharing(avcC(SPS_ID0, pps(false)), config(false), config(false));
    const joined = parseAvcConfig(renumbering.description);
    // SPS id 1 is ue(1) = 010; PPS ids 1/1 then the CAVLC flag 0 and the stop bit: 010 010 0 1.
    expect(joined.sps).toEqual([SPS_ID0, Uint8Array.from([0x67, 0x42, 0xc0, 0x1e, 0b0101_0000])]);
    expect(joined.pps).toEqual([pps(false), Uint8Array.from([0x68, 0b0100_1001])]);
  });

  it('points a re-encoded slice at the new PPS and leaves the rest of its bits as they were', () => {
    const renumbering = renumberForSharing(avcC(SPS_ID0, pps(false)), config(false), config(false));
    // IDR slice: first_mb 0 (1), slice_type 7 (0001000), pps 0 (1), then 10110 and the stop bit.
    const slice = Uint8Array.from([0x65, 0b1000_1000, 0b1101_1010]);
    const sample = Uint8Array.from([0, 0, 0, 3, ...slice]);
    // pps 1 is 010: 1 0001000 010 10110 1, then zero padding.
    expect([...renumbering.rewriteSample(sample, 4, 4)]).toEqual([
      0, 0, 0, 4, 0x65, 0b1000_1000, 0b0101_0110, 0b1000_0000,
    ]);
  });

  it('refuses CABAC pieces, whose byte-aligned slice data a longer id would break', () => {
    expect(() => renumberForSharing(avcC(SPS_ID0, pps(false)), config(false), config(true))).toThrow('CABAC');
  });

  it('refuses an encoder that made several parameter sets, and a NAL unit with no stop bit', () => {
    expect(() =>
      renumberForSharing(avcC(SPS_ID0, pps(false)), config(false), { ...config(false), pps: [pps(false), pps(false)] }),
    ).toThrow('one SPS and one PPS');
    expect(() =>
      renumberForSharing(avcC(SPS_ID0, pps(false)), config(false), {
        ...config(false),
        sps: [Uint8Array.from([0x67, 0x42, 0xc0, 0x1e, 0])],
      }),
    ).toThrow();
  });
});
