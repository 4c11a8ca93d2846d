import { lengthPrefixed, nalUnitsOf, type AvcConfig } from './avcConfig';

/**
 * One `avc1` sample entry for a smart cut. The recording's SPS and PPS stay as they are; the re-encoded pieces'
 * SPS and PPS are given ids the recording does not use and join them in the avcC, and every re-encoded slice is
 * pointed at its new PPS. Decoders then find both sets in the sample entry and switch at each IDR, as the standard
 * allows: no in-band parameter sets, no `avc3`, which some players (Apple's among them) are not known to handle.
 *
 * Changing an id changes its Exp-Golomb length, so everything after it shifts by a few bits. That is only sound
 * where slice data is not byte-aligned after the header, i.e. CAVLC (entropy_coding_mode_flag 0); a CABAC PPS is
 * refused and the caller keeps the in-band route.
 */
export interface Renumbering {
  /** The recording's avcC with the re-encoded SPS and PPS added under their new ids. */
  readonly description: Uint8Array<ArrayBuffer>;
  /** A re-encoded sample with its slices pointed at the new PPS, in `toLengthSize`-byte lengths. */
  rewriteSample(sample: Uint8Array, fromLengthSize: number, toLengthSize: number): Uint8Array<ArrayBuffer>;
}

export class RenumberError extends Error {
  override readonly name = 'RenumberError';
}

const NAL_SLICE = 1;
const NAL_IDR = 5;
const NAL_SPS = 7;
const NAL_PPS = 8;
const MAX_SPS_ID = 31;
const MAX_PPS_ID = 255;

export function renumberForSharing(recordedDescription: Uint8Array, recorded: AvcConfig, made: AvcConfig): Renumbering {
  const [madeSps, ...moreSps] = made.sps;
  const [madePps, ...morePps] = made.pps;
  if (!madeSps || !madePps || moreSps.length > 0 || morePps.length > 0)
    throw new RenumberError('The encoder made other than one SPS and one PPS');
  const spsId = freeId(
    recorded.sps.map((sps) => idsOfSps(sps)),
    MAX_SPS_ID,
    'SPS',
  );
  const ppsId = freeId(
    recorded.pps.map((pps) => idsOfPps(pps).pps),
    MAX_PPS_ID,
    'PPS',
  );
  const sps = rewriteNal(madeSps, (reader, writer) => {
    writer.bits(reader.bits(24), 24);
    reader.ue();
    writer.ue(spsId);
  });
  const pps = rewriteNal(madePps, (reader, writer) => {
    reader.ue();
    writer.ue(ppsId);
    reader.ue();
    writer.ue(spsId);
    if (reader.peekBit() === 1)
      throw new RenumberError('The re-encoded frames use CABAC, whose slice data cannot be shifted');
  });
  return {
    description: withAddedSets(recordedDescription, sps, pps),
    rewriteSample(sample, fromLengthSize, toLengthSize) {
      const units = nalUnitsOf(sample, fromLengthSize)
        .filter((unit) => nalType(unit) !== NAL_SPS && nalType(unit) !== NAL_PPS)
        .map((unit) =>
          nalType(unit) === NAL_SLICE || nalType(unit) === NAL_IDR
            ? rewriteNal(unit, (reader, writer) => {
                writer.ue(reader.ue());
                writer.ue(reader.ue());
                reader.ue();
                writer.ue(ppsId);
              })
            : unit,
        );
      return lengthPrefixed(units, toLengthSize);
    },
  };
}

const nalType = (unit: Uint8Array) => (unit[0] ?? 0) & 0b1_1111;

function idsOfSps(sps: Uint8Array): number {
  const reader = new BitReader(unescape(sps.subarray(1)));
  reader.bits(24);
  return reader.ue();
}

function idsOfPps(pps: Uint8Array): { pps: number; sps: number } {
  const reader = new BitReader(unescape(pps.subarray(1)));
  return { pps: reader.ue(), sps: reader.ue() };
}

function freeId(used: readonly number[], max: number, what: string): number {
  for (let id = 0; id <= max; id += 1) if (!used.includes(id)) return id;
  throw new RenumberError(`The recording uses every ${what} id`);
}

/**
 * Rewrites the start of a NAL unit's payload with `head` (which reads the old fields and writes the new), then copies
 * every later bit up to the stop bit as it is and ends with fresh trailing bits.
 */
function rewriteNal(unit: Uint8Array, head: (reader: BitReader, writer: BitWriter) => void): Uint8Array<ArrayBuffer> {
  const rbsp = unescape(unit.subarray(1));
  const stop = stopBitOf(rbsp);
  const reader = new BitReader(rbsp);
  const writer = new BitWriter(rbsp.length + 4);
  head(reader, writer);
  if (reader.position > stop) throw new RenumberError('A NAL unit ended inside its header');
  while (reader.position < stop) {
    const count = Math.min(24, stop - reader.position);
    writer.bits(reader.bits(count), count);
  }
  writer.bits(1, 1);
  writer.align();
  const escaped = escape(writer.bytes());
  const out = new Uint8Array(1 + escaped.length);
  out[0] = unit[0] ?? 0;
  out.set(escaped, 1);
  return out;
}

/** The bit position of rbsp_stop_one_bit: the last set bit of the payload. */
function stopBitOf(rbsp: Uint8Array): number {
  for (let index = rbsp.length - 1; index >= 0; index -= 1) {
    const byte = rbsp[index] ?? 0;
    if (byte === 0) continue;
    let bit = 7;
    while (((byte >> (7 - bit)) & 1) === 0) bit -= 1;
    return index * 8 + bit;
  }
  throw new RenumberError('A NAL unit has no stop bit');
}

/** Emulation prevention (H.264 §7.4.1): 00 00 03 in a NAL unit stands for 00 00 in its payload. */
export function unescape(bytes: Uint8Array): Uint8Array {
  const out = new Uint8Array(bytes.length);
  let length = 0;
  let zeros = 0;
  for (const byte of bytes) {
    if (zeros >= 2 && byte === 3) {
      zeros = 0;
      continue;
    }
    out[length++] = byte;
    zeros = byte === 0 ? zeros + 1 : 0;
  }
  return out.subarray(0, length);
}

export function escape(bytes: Uint8Array): Uint8Array {
  const out: number[] = [];
  let zeros = 0;
  for (const byte of bytes) {
    if (zeros >= 2 && byte <= 3) {
      out.push(3);
      zeros = 0;
    }
    out.push(byte);
    zeros = byte === 0 ? zeros + 1 : 0;
  }
  return Uint8Array.from(out);
}

class BitReader {
  position = 0;
  constructor(private readonly data: Uint8Array) {}

  peekBit(): number {
    return ((this.data[this.position >> 3] ?? 0) >> (7 - (this.position & 7))) & 1;
  }

  bits(count: number): number {
    let value = 0;
    for (let index = 0; index < count; index += 1) {
      if (this.position >= this.data.length * 8) throw new RenumberError('A NAL unit is shorter than its fields');
      value = value * 2 + this.peekBit();
      this.position += 1;
    }
    return value;
  }

  /** Unsigned Exp-Golomb, ue(v). */
  ue(): number {
    let zeros = 0;
    while (this.bits(1) === 0) {
      zeros += 1;
      if (zeros > 31) throw new RenumberError('A NAL unit holds a malformed Exp-Golomb code');
    }
    return 2 ** zeros - 1 + this.bits(zeros);
  }
}

class BitWriter {
  private readonly data: Uint8Array;
  private position = 0;
  constructor(capacity: number) {
    this.data = new Uint8Array(capacity);
  }

  bits(value: number, count: number): void {
    for (let index = count - 1; index >= 0; index -= 1) {
      if (Math.floor(value / 2 ** index) % 2 === 1)
        this.data[this.position >> 3] = (this.data[this.position >> 3] ?? 0) | (0x80 >> (this.position & 7));
      this.position += 1;
    }
  }

  ue(value: number): void {
    const coded = value + 1;
    const length = Math.floor(Math.log2(coded));
    this.bits(0, length);
    this.bits(coded, length + 1);
  }

  align(): void {
    this.position = Math.ceil(this.position / 8) * 8;
  }

  bytes(): Uint8Array {
    return this.data.subarray(0, this.position >> 3);
  }
}

/** The avcC `description` with one more SPS and one more PPS; whatever follows the PPS (High-profile fields) kept. */
function withAddedSets(description: Uint8Array, sps: Uint8Array, pps: Uint8Array): Uint8Array<ArrayBuffer> {
  const fail = () => new RenumberError('The recording’s H.264 configuration is malformed');
  let at = 5;
  const skipSets = (count: number) => {
    for (let index = 0; index < count; index += 1) {
      if (at + 2 > description.length) throw fail();
      at += 2 + (((description[at] ?? 0) << 8) | (description[at + 1] ?? 0));
    }
    if (at > description.length) throw fail();
  };
  const spsCount = (description[at] ?? 0) & 0b1_1111;
  at += 1;
  skipSets(spsCount);
  const spsEnd = at;
  const ppsCount = description[at] ?? 0;
  at += 1;
  skipSets(ppsCount);
  const ppsEnd = at;
  if (spsCount >= 31 || ppsCount >= 255) throw fail();
  const entry = (unit: Uint8Array) => [unit.length >> 8, unit.length & 0xff, ...unit];
  return Uint8Array.from([
    ...description.subarray(0, 5),
    0b1110_0000 | (spsCount + 1),
    ...description.subarray(6, spsEnd),
    ...entry(sps),
    ppsCount + 1,
    ...description.subarray(spsEnd + 1, ppsEnd),
    ...entry(pps),
    ...description.subarray(ppsEnd),
  ]);
}
