/**
 * JSON for the browser host's transport, carrying bytes too: a `Uint8Array` travels as `{ "$bytes": base64 }`.
 * Electron's IPC clones bytes natively and does not use this.
 */
const BYTES_KEY = '$bytes';
const SLICE = 0x8000;

/**
 * The content type of a call sent as one binary body (the page's calls to the host): a 4-byte big-endian length,
 * that many bytes of JSON in which every `Uint8Array` is `{ "$bytesAt": [offset, length] }`, then the bytes of all
 * of them back to back. Render output and recording chunks then cross as they are, with no base64 either way.
 */
export const WIRE_BINARY_TYPE = 'application/x-flipside-wire';
const BYTES_AT_KEY = '$bytesAt';
const HEADER_BYTES = 4;

/** A value laid out for the binary wire, not yet copied: its JSON (bytes replaced by their places) and those bytes. */
export interface WireLayout {
  readonly text: Uint8Array;
  readonly parts: readonly Uint8Array[];
  /** The whole body's size. */
  readonly byteLength: number;
}

export function layOutWire(value: unknown): WireLayout {
  const parts: Uint8Array[] = [];
  let offset = 0;
  const json = JSON.stringify(value, (_key, item: unknown) => {
    if (!(item instanceof Uint8Array)) return item;
    parts.push(item);
    offset += item.byteLength;
    return { [BYTES_AT_KEY]: [offset - item.byteLength, item.byteLength] };
  });
  const text = new TextEncoder().encode(json);
  return { text, parts, byteLength: HEADER_BYTES + text.byteLength + offset };
}

/** Writes a laid-out body into `into` (at least `layout.byteLength` long) from its start. */
function writeWire(layout: WireLayout, into: Uint8Array): void {
  new DataView(into.buffer, into.byteOffset, into.byteLength).setUint32(0, layout.text.byteLength);
  into.set(layout.text, HEADER_BYTES);
  let at = HEADER_BYTES + layout.text.byteLength;
  for (const part of layout.parts) {
    into.set(part, at);
    at += part.byteLength;
  }
}

export function encodeWireBinary(value: unknown): Uint8Array<ArrayBuffer> {
  return wireBytes(layOutWire(value));
}

export function wireBytes(layout: WireLayout): Uint8Array<ArrayBuffer> {
  const body = new Uint8Array(layout.byteLength);
  writeWire(layout, body);
  return body;
}

/** Reads a binary body; bytes come back as views into it. A body whose lengths do not add up is refused. */
export function decodeWireBinary(body: Uint8Array): unknown {
  if (body.byteLength < HEADER_BYTES) throw new Error('The call body is too short');
  const length = new DataView(body.buffer, body.byteOffset, body.byteLength).getUint32(0);
  if (HEADER_BYTES + length > body.byteLength) throw new Error('The call body is shorter than it says');
  const payload = body.subarray(HEADER_BYTES + length);
  return JSON.parse(
    new TextDecoder('utf-8', { fatal: true }).decode(body.subarray(HEADER_BYTES, HEADER_BYTES + length)),
    (_key, item: unknown) => {
      if (item && typeof item === 'object' && !Array.isArray(item)) {
        const keys = Object.keys(item);
        const at = (item as Record<string, unknown>)[BYTES_AT_KEY];
        if (keys.length === 1 && Array.isArray(at)) {
          const [start, size] = at as unknown[];
          if (
            !Number.isSafeInteger(start) ||
            !Number.isSafeInteger(size) ||
            (start as number) < 0 ||
            (size as number) < 0 ||
            (start as number) + (size as number) > payload.byteLength
          ) {
            throw new Error('The call body points at bytes it does not have');
          }
          return new Uint8Array(payload.buffer, payload.byteOffset + (start as number), size as number);
        }
      }
      return item;
    },
  );
}

export function encodeWire(value: unknown): string {
  return JSON.stringify(value, (_key, item: unknown) =>
    item instanceof Uint8Array ? { [BYTES_KEY]: toBase64(item) } : item,
  );
}

export function decodeWire(text: string): unknown {
  return JSON.parse(text, (_key, item: unknown) => {
    if (item && typeof item === 'object' && !Array.isArray(item)) {
      const keys = Object.keys(item);
      const encoded = (item as Record<string, unknown>)[BYTES_KEY];
      if (keys.length === 1 && typeof encoded === 'string') return fromBase64(encoded);
    }
    return item;
  });
}

/** The TC39 base64 methods (Chromium 140+, Node 25+): native code, many times faster than a loop over characters. */
interface NativeBase64 {
  toBase64?: (this: Uint8Array) => string;
}
interface NativeBase64Constructor {
  fromBase64?: (text: string) => Uint8Array<ArrayBuffer>;
}
const nativeToBase64 = (Uint8Array.prototype as NativeBase64).toBase64;
const nativeFromBase64 = (Uint8Array as NativeBase64Constructor).fromBase64;

function toBase64(bytes: Uint8Array): string {
  if (nativeToBase64) return nativeToBase64.call(bytes);
  let binary = '';
  for (let offset = 0; offset < bytes.length; offset += SLICE) {
    binary += String.fromCharCode(...bytes.subarray(offset, offset + SLICE));
  }
  return btoa(binary);
}

function fromBase64(text: string): Uint8Array<ArrayBuffer> {
  if (nativeFromBase64) return nativeFromBase64(text);
  const binary = atob(text);
  const bytes = new Uint8Array(binary.length);
  for (let index = 0; index < binary.length; index += 1) bytes[index] = binary.charCodeAt(index);
  return bytes;
}

/** Frames up to this size are written into one buffer kept for the next; bigger ones (rare) get their own. */
const KEPT_FRAME_BYTES = 8 * 1024 * 1024;

/**
 * Writes calls for the calls socket: a 4-byte id the answer echoes, a 2-byte length and the channel's name, then the
 * call's binary body (`layOutWire`). Answers come back as JSON text `{ id, result }`. Each frame is written into a
 * buffer the writer keeps, valid until its next frame: a WebSocket's send copies what it is given, so a render's 4 MiB
 * writes make no new buffers in the page (which its collector freed only every 64 MiB or so).
 */
export function createCallFrameWriter(): (id: number, channel: string, body: WireLayout) => Uint8Array<ArrayBuffer> {
  let kept = new Uint8Array(0);
  return (id, channel, body) => {
    const name = new TextEncoder().encode(channel);
    const size = 6 + name.byteLength + body.byteLength;
    if (kept.byteLength < size && size <= KEPT_FRAME_BYTES) kept = new Uint8Array(size);
    const frame = size <= kept.byteLength ? kept.subarray(0, size) : new Uint8Array(size);
    const view = new DataView(frame.buffer, frame.byteOffset, frame.byteLength);
    view.setUint32(0, id);
    view.setUint16(4, name.byteLength);
    frame.set(name, 6);
    writeWire(body, frame.subarray(6 + name.byteLength));
    return frame;
  };
}

export function decodeCallFrame(frame: Uint8Array): { id: number; channel: string; input: unknown } {
  if (frame.byteLength < 6) throw new Error('The call frame is too short');
  const view = new DataView(frame.buffer, frame.byteOffset, frame.byteLength);
  const id = view.getUint32(0);
  const length = view.getUint16(4);
  if (6 + length > frame.byteLength) throw new Error('The call frame is shorter than its channel name');
  const channel = new TextDecoder('utf-8', { fatal: true }).decode(frame.subarray(6, 6 + length));
  return { id, channel, input: decodeWireBinary(frame.subarray(6 + length)) };
}
