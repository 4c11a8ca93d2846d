/**
 * The H.264 decoder configuration record (avcC, ISO/IEC 14496-15 §5.3.3) and the length-prefixed NAL units an MP4
 * sample holds. A smart cut mixes the recording's packets with re-encoded ones whose parameter sets differ; an MP4
 * sample entry has one avcC, so both sets go into it under distinct ids (`avcRenumber.ts`), or, where that cannot
 * be done, the track is written as `avc3` and every keyframe carries its own SPS and PPS.
 */
export interface AvcConfig {
  readonly profile: number;
  readonly compat: number;
  readonly level: number;
  /** Bytes before each NAL unit in a sample: 1, 2 or 4. */
  readonly lengthSize: number;
  readonly sps: readonly Uint8Array[];
  readonly pps: readonly Uint8Array[];
}

/**
 * A copy of a decoder description's bytes (an encoder's, a demuxer's) as a plain ArrayBuffer-backed array: what the
 * contract carries and what `parseAvcConfig` reads. The source may be a view into a larger or shared buffer.
 */
export const descriptionBytes = (data: ArrayBufferView | ArrayBufferLike): Uint8Array<ArrayBuffer> =>
  ArrayBuffer.isView(data)
    ? new Uint8Array(data.buffer, data.byteOffset, data.byteLength).slice()
    : new Uint8Array(data).slice();

export class AvcConfigError extends Error {
  override readonly name = 'AvcConfigError';
}

const NAL_SPS = 7;
const NAL_PPS = 8;
const NAL_AUD = 9;

export function parseAvcConfig(bytes: Uint8Array): AvcConfig {
  const fail = (what: string) => new AvcConfigError(`The H.264 configuration is malformed (${what})`);
  if (bytes.length < 7 || bytes[0] !== 1) throw fail('version');
  const lengthSize = ((bytes[4] ?? 0) & 0b11) + 1;
  if (lengthSize === 3) throw fail('NAL length size 3');
  let at = 5;
  const sets = (count: number): Uint8Array[] => {
    const units: Uint8Array[] = [];
    for (let index = 0; index < count; index += 1) {
      if (at + 2 > bytes.length) throw fail('truncated');
      const length = ((bytes[at] ?? 0) << 8) | (bytes[at + 1] ?? 0);
      if (at + 2 + length > bytes.length) throw fail('truncated');
      units.push(bytes.slice(at + 2, at + 2 + length));
      at += 2 + length;
    }
    return units;
  };
  const sps = sets((bytes[at++] ?? 0) & 0b1_1111);
  if (at >= bytes.length) throw fail('no PPS count');
  const pps = sets(bytes[at++] ?? 0);
  // High-profile records go on with chroma and bit-depth fields; nothing here needs them.
  return { profile: bytes[1] ?? 0, compat: bytes[2] ?? 0, level: bytes[3] ?? 0, lengthSize, sps, pps };
}

const equalBytes = (a: Uint8Array, b: Uint8Array) =>
  a.length === b.length && a.every((byte, index) => byte === b[index]);
const equalLists = (a: readonly Uint8Array[], b: readonly Uint8Array[]) =>
  a.length === b.length && a.every((unit, index) => equalBytes(unit, b[index] ?? new Uint8Array()));

/** Whether packets made under `b` decode under `a`'s parameter sets unchanged. */
export function sameParameterSets(a: AvcConfig, b: AvcConfig): boolean {
  return equalLists(a.sps, b.sps) && equalLists(a.pps, b.pps);
}

const hex = (byte: number) => byte.toString(16).padStart(2, '0');

/** Profiles from least to most capable, so a stream mixing two is labelled with the one that covers both. */
const PROFILE_RANK = [66, 77, 88, 100, 110, 122, 244];
const rank = (profile: number) => PROFILE_RANK.indexOf(profile);

/**
 * The WebCodecs/RFC 6381 codec string for a track whose samples were made under any of `configs`: the most capable
 * profile, only the constraint flags all of them meet, the highest level.
 */
export function avcCodecString(entry: 'avc1' | 'avc3', ...configs: AvcConfig[]): string {
  const [first, ...rest] = configs;
  if (!first) throw new AvcConfigError('No H.264 configuration to name');
  let { profile, compat, level } = first;
  for (const config of rest) {
    if (rank(config.profile) > rank(profile)) profile = config.profile;
    compat &= config.compat;
    level = Math.max(level, config.level);
  }
  return `${entry}.${hex(profile)}${hex(compat)}${hex(level)}`;
}

/** The NAL units of one sample, without their length prefixes. */
export function nalUnitsOf(sample: Uint8Array, lengthSize: number): Uint8Array[] {
  const units: Uint8Array[] = [];
  for (let at = 0; at < sample.length;) {
    if (at + lengthSize > sample.length) throw new AvcConfigError('A sample ends inside a NAL length');
    let length = 0;
    for (let index = 0; index < lengthSize; index += 1) length = length * 256 + (sample[at + index] ?? 0);
    at += lengthSize;
    if (at + length > sample.length) throw new AvcConfigError('A NAL unit runs past the end of its sample');
    units.push(sample.subarray(at, at + length));
    at += length;
  }
  return units;
}

export function lengthPrefixed(units: readonly Uint8Array[], lengthSize: number): Uint8Array<ArrayBuffer> {
  const out = new Uint8Array(units.reduce((sum, unit) => sum + lengthSize + unit.length, 0));
  let at = 0;
  for (const unit of units) {
    if (unit.length >= 2 ** (8 * lengthSize))
      throw new AvcConfigError(`A NAL unit is too long for ${lengthSize}-byte lengths`);
    for (let index = lengthSize - 1; index >= 0; index -= 1)
      out[at + lengthSize - 1 - index] = Math.floor(unit.length / 2 ** (8 * index)) & 0xff;
    out.set(unit, at + lengthSize);
    at += lengthSize + unit.length;
  }
  return out;
}

const nalType = (unit: Uint8Array) => (unit[0] ?? 0) & 0b1_1111;

/**
 * A keyframe sample made under `config`, rewritten with `lengthSize`-byte lengths and `config`'s SPS and PPS in band
 * (after an access unit delimiter, which must come first), any parameter sets it already held dropped as stale.
 */
export function withParameterSets(
  sample: Uint8Array,
  sampleLengthSize: number,
  config: AvcConfig,
  lengthSize: number,
): Uint8Array<ArrayBuffer> {
  const units = nalUnitsOf(sample, sampleLengthSize).filter(
    (unit) => nalType(unit) !== NAL_SPS && nalType(unit) !== NAL_PPS,
  );
  const delimiter = units[0] && nalType(units[0]) === NAL_AUD ? units.slice(0, 1) : [];
  return lengthPrefixed([...delimiter, ...config.sps, ...config.pps, ...units.slice(delimiter.length)], lengthSize);
}

/** A sample's NAL units with `to`-byte lengths instead of `from`-byte ones (encoders write 4; a recording may use fewer). */
export function relengthed(sample: Uint8Array, from: number, to: number): Uint8Array<ArrayBuffer> {
  return lengthPrefixed(nalUnitsOf(sample, from), to);
}
