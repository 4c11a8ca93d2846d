import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import {
  createCallFrameWriter,
  decodeCallFrame,
  decodeWire,
  decodeWireBinary,
  encodeWire,
  encodeWireBinary,
  layOutWire,
} from './wire';

describe('wire codec', () => {
  it('round-trips any JSON value with bytes nested anywhere', () => {
    fc.assert(
      // JSON itself turns -0 into 0; the codec is tested on what JSON can carry.
      fc.property(
        fc.jsonValue().map((value) => JSON.parse(JSON.stringify(value)) as unknown),
        fc.uint8Array({ maxLength: 70_000 }),
        (json, bytes) => {
          const value = { json, chunk: { data: bytes, index: 3 } };
          expect(decodeWire(encodeWire(value))).toEqual(value);
        },
      ),
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

describe('binary wire codec', () => {
  it('round-trips any JSON value with bytes nested anywhere, carrying the bytes as they are', () => {
    fc.assert(
      fc.property(
        fc.jsonValue().map((value) => JSON.parse(JSON.stringify(value)) as unknown),
        fc.uint8Array({ maxLength: 70_000 }),
        fc.uint8Array({ maxLength: 100 }),
        (json, first, second) => {
          const value = { json, chunk: { data: first, index: 3 }, more: [second] };
          const body = encodeWireBinary(value);
          expect(body.byteLength).toBeLessThan(
            first.byteLength + second.byteLength + JSON.stringify(json).length * 3 + 200,
          );
          expect(decodeWireBinary(body)).toEqual(value);
        },
      ),
      { numRuns: 50 },
    );
  });

  it('refuses bodies whose lengths or byte references do not add up', () => {
    const valid = encodeWireBinary({ data: new Uint8Array([1, 2, 3]) });
    expect(() => decodeWireBinary(valid.subarray(0, 2))).toThrow('too short');
    expect(() => decodeWireBinary(valid.subarray(0, 10))).toThrow('shorter than it says');
    const text = new TextEncoder().encode('{"data":{"$bytesAt":[2,5]}}');
    const forged = new Uint8Array(4 + text.byteLength + 3);
    new DataView(forged.buffer).setUint32(0, text.byteLength);
    forged.set(text, 4);
    expect(() => decodeWireBinary(forged)).toThrow('points at bytes it does not have');
    const negative = new TextEncoder().encode('{"data":{"$bytesAt":[-1,1]}}');
    const body = new Uint8Array(4 + negative.byteLength + 3);
    new DataView(body.buffer).setUint32(0, negative.byteLength);
    body.set(negative, 4);
    expect(() => decodeWireBinary(body)).toThrow('points at bytes it does not have');
  });

  it('leaves objects that merely have a $bytesAt key among others alone', () => {
    expect(decodeWireBinary(encodeWireBinary({ $bytesAt: [0, 0], other: 1 }))).toEqual({ $bytesAt: [0, 0], other: 1 });
  });
});

describe('call frames', () => {
  it('frame a call that the host decodes, reusing one buffer from frame to frame', () => {
    const frameOf = createCallFrameWriter();
    const data = new Uint8Array(30_000).map((_, index) => index % 249);
    const first = frameOf(7, 'app:renders.write', layOutWire({ position: 0, data }));
    expect(decodeCallFrame(first)).toEqual({ id: 7, channel: 'app:renders.write', input: { position: 0, data } });
    const second = frameOf(8, 'app:renders.write', layOutWire({ position: 4, data: data.subarray(0, 10) }));
    expect(second.buffer).toBe(first.buffer);
    expect(decodeCallFrame(second)).toEqual({
      id: 8,
      channel: 'app:renders.write',
      input: { position: 4, data: data.subarray(0, 10) },
    });
  });

  it('give a frame too big to keep a buffer of its own', () => {
    const frameOf = createCallFrameWriter();
    const small = frameOf(1, 'app:renders.write', layOutWire({ data: new Uint8Array(10) }));
    const big = frameOf(2, 'app:renders.write', layOutWire({ data: new Uint8Array(9 * 1024 * 1024) }));
    expect(big.buffer).not.toBe(small.buffer);
    expect(frameOf(3, 'app:renders.write', layOutWire({ data: new Uint8Array(5) })).buffer).toBe(small.buffer);
  });
});
