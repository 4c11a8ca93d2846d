/** ISO BMFF (MP4) boxes at the byte level: just what reading a fragmented recording and writing its index need. */

export interface BoxHeader {
  readonly type: string;
  /** The whole box, header included. */
  readonly size: number;
  readonly headerSize: number;
}

/** The header of the box at `at`, or null while fewer bytes than it needs are there. */
export function readBoxHeader(bytes: Uint8Array, at: number, available = bytes.byteLength): BoxHeader | null {
  if (available - at < 8) return null;
  const view = viewOf(bytes);
  const size32 = view.getUint32(at);
  const type = String.fromCharCode(bytes[at + 4] ?? 0, bytes[at + 5] ?? 0, bytes[at + 6] ?? 0, bytes[at + 7] ?? 0);
  if (size32 === 1) {
    if (available - at < 16) return null;
    return { type, size: Number(view.getBigUint64(at + 8)), headerSize: 16 };
  }
  // A size of 0 (the box runs to the end of the file) is how a stream that never ends is written; not ours to read.
  if (size32 < 8) throw new Mp4LayoutError(`a ${type} box with a size of ${size32}`);
  return { type, size: size32, headerSize: 8 };
}

export interface Box {
  readonly type: string;
  /** The box's bytes, header included. */
  readonly bytes: Uint8Array;
  /** Where its content starts within `bytes`. */
  readonly headerSize: number;
}

/** The boxes directly inside `bytes` (a container's content). */
export function childBoxes(bytes: Uint8Array): Box[] {
  const boxes: Box[] = [];
  for (let at = 0; at + 8 <= bytes.byteLength;) {
    const header = readBoxHeader(bytes, at);
    if (!header || at + header.size > bytes.byteLength) throw new Mp4LayoutError('a box that runs past its parent');
    boxes.push({ type: header.type, bytes: bytes.subarray(at, at + header.size), headerSize: header.headerSize });
    at += header.size;
  }
  return boxes;
}

export function contentOf(box: Box): Uint8Array {
  return box.bytes.subarray(box.headerSize);
}

export function childOf(parent: Box, type: string): Box | undefined {
  return childBoxes(contentOf(parent)).find((box) => box.type === type);
}

export function requireChild(parent: Box, type: string): Box {
  const child = childOf(parent, type);
  if (!child) throw new Mp4LayoutError(`a ${parent.type} box without its ${type} box`);
  return child;
}

export function viewOf(bytes: Uint8Array): DataView {
  return new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
}

/** A box around `parts`. */
export function box(type: string, ...parts: Uint8Array[]): Uint8Array {
  const size = 8 + parts.reduce((sum, part) => sum + part.byteLength, 0);
  const out = new Uint8Array(size);
  viewOf(out).setUint32(0, size);
  for (let i = 0; i < 4; i++) out[4 + i] = type.charCodeAt(i);
  let at = 8;
  for (const part of parts) {
    out.set(part, at);
    at += part.byteLength;
  }
  return out;
}

/** A full box: version, flags, then `parts`. */
export function fullBox(type: string, version: number, flags: number, ...parts: Uint8Array[]): Uint8Array {
  return box(type, u32((version << 24) | flags), ...parts);
}

export function u32(value: number): Uint8Array {
  const out = new Uint8Array(4);
  viewOf(out).setUint32(0, value >>> 0);
  return out;
}

/** Big-endian 32-bit values from a typed array, in one buffer (a sample table's column). */
export function u32s(values: ArrayLike<number>): Uint8Array {
  const out = new Uint8Array(values.length * 4);
  const view = viewOf(out);
  for (let i = 0; i < values.length; i++) view.setUint32(i * 4, (values[i] ?? 0) >>> 0);
  return out;
}

export function u64s(values: ArrayLike<number>): Uint8Array {
  const out = new Uint8Array(values.length * 8);
  const view = viewOf(out);
  for (let i = 0; i < values.length; i++) view.setBigUint64(i * 8, BigInt(values[i] ?? 0));
  return out;
}

/**
 * Writes `duration` into a copied mvhd, tkhd or mdhd box, whichever version it is (the field sits after the times,
 * and for tkhd after the track id and a reserved word). Answers the patched copy.
 */
export function withDuration(source: Box, duration: number): Uint8Array {
  const bytes = source.bytes.slice();
  const view = viewOf(bytes);
  const version = bytes[source.headerSize] ?? 0;
  const times = version === 1 ? 16 : 8;
  const before = source.type === 'tkhd' ? 8 : 4; // tkhd: track id and reserved; mvhd, mdhd: timescale
  const at = source.headerSize + 4 + times + before;
  if (version === 1) view.setBigUint64(at, BigInt(Math.round(duration)));
  else view.setUint32(at, Math.min(0xffffffff, Math.round(duration)));
  return bytes;
}

/** The timescale of an mvhd or mdhd box. */
export function timescaleOf(header: Box): number {
  const version = header.bytes[header.headerSize] ?? 0;
  return viewOf(header.bytes).getUint32(header.headerSize + 4 + (version === 1 ? 16 : 8));
}

/** A recording this code cannot index as it is (another layout than MediaRecorder's fragmented MP4). */
export class Mp4LayoutError extends Error {
  constructor(what: string) {
    super(`Not a fragmented MP4 this studio indexes while recording: ${what}`);
  }
}
