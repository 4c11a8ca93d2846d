import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { decodeWire, encodeWire } from './wire';

describe('wire codec', () => {
  it('round-trips any JSON value with bytes nested anywhere', () => {
    fc.assert(
      // JSON itself turns -0 into 0; the codec is tested on what JSON can carry.
      fc.property(fc.jsonValue().map((value) => JSON.parse(JSON.stringify(value)) as unknown), fc.uint8Array({ maxLength: 70_000 }), (json, bytes) => {
        const value = { json, chunk: { data: bytes, index: 3 } };
        expect(decodeWire(encodeWire(value))).toEqual(value);
      }),
      { numRuns: 50 },
    );
  });

  it('leaves objects that merely have a $bytes key among others alone', () => {
    expect(decodeWire(encodeWire({ $bytes: 'AAAA', other: 1 }))).toEqual({ $bytes: 'AAAA', other: 1 });
  });

  it('rejects bytes that are not base64', () => {
    expect(() => decodeWire('{"$bytes":"***"}')).toThrow();
  });
});
