/**
 * JSON for the browser host's transport, carrying bytes too: a `Uint8Array` travels as `{ "$bytes": base64 }`.
 * Electron's IPC clones bytes natively and does not use this.
 */
const BYTES_KEY = '$bytes';
const SLICE = 0x8000;

export function encodeWire(value: unknown): string {
  return JSON.stringify(value, (_key, item: unknown) => (item instanceof Uint8Array ? { [BYTES_KEY]: toBase64(item) } : item));
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
