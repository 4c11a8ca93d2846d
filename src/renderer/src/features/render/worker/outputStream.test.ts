import { describe, expect, it } from 'vitest';
import type { FromWorker, ToWorker } from '../protocol';
import { WRITES_IN_FLIGHT, WRITE_CHUNK_BYTES, createOutputStream } from './outputStream';

type Write = Extract<FromWorker, { type: 'write' }>;

/** The stream with the page's side played here: each write is kept until the test answers it. */
function streamWithPage() {
  const writes: Write[] = [];
  const output = createOutputStream((message) => {
    if (message.type === 'write') writes.push(message);
  });
  const answer = (write: Write, reply: 'written' | 'write-failed' = 'written') =>
    output.onReply(
      reply === 'written'
        ? ({ type: 'written', id: write.id, data: write.data } satisfies ToWorker)
        : { type: 'write-failed', id: write.id, message: 'The disk is full' },
    );
  return { writer: output.stream.getWriter(), writes, answer };
}

const bytes = (length: number, seed: number) => new Uint8Array(length).fill(seed % 251);
const settle = () => new Promise((resolve) => setTimeout(resolve, 10));

describe('render output stream', () => {
  it('gathers the muxer’s contiguous writes into chunks, and starts a new chunk where a write jumps', async () => {
    const { writer, writes, answer } = streamWithPage();
    const half = WRITE_CHUNK_BYTES / 2;
    await writer.write({ type: 'write', data: bytes(half, 1), position: 0 });
    await writer.write({ type: 'write', data: bytes(half + 100, 2), position: half });
    expect(writes.map(({ position, data }) => [position, data.byteLength])).toEqual([[0, WRITE_CHUNK_BYTES]]);
    expect(writes[0]?.data.subarray(half, half + 5)).toEqual(bytes(5, 2));
    await writer.write({ type: 'write', data: bytes(10, 3), position: 8 });
    const closed = writer.close();
    await settle();
    expect(writes.map(({ position, data }) => [position, data.byteLength])).toEqual([
      [0, WRITE_CHUNK_BYTES],
      [WRITE_CHUNK_BYTES, 100],
      [8, 10],
    ]);
    expect(writes[1]?.data).toEqual(bytes(half + 100, 2).subarray(half));
    writes.forEach((write) => answer(write));
    await closed;
  });

  it('waits for a chunk to come back before filling more than the pool, and fills the returned one again', async () => {
    const { writer, writes, answer } = streamWithPage();
    const pool = WRITES_IN_FLIGHT + 1;
    for (let index = 0; index < pool; index += 1)
      await writer.write({ type: 'write', data: bytes(WRITE_CHUNK_BYTES, index), position: index * WRITE_CHUNK_BYTES });
    let fifthAccepted = false;
    void writer
      .write({ type: 'write', data: bytes(WRITE_CHUNK_BYTES, 9), position: pool * WRITE_CHUNK_BYTES })
      .then(() => (fifthAccepted = true));
    await settle();
    expect(fifthAccepted).toBe(false);
    const first = writes[0];
    if (!first) throw new Error('no write was handed over');
    const returned = first.data.buffer;
    answer(first);
    await settle();
    expect(fifthAccepted).toBe(true);
    expect(writes).toHaveLength(pool + 1);
    expect(writes[pool]?.data.buffer).toBe(returned);
    expect(Buffer.from(writes[pool]?.data ?? []).equals(bytes(WRITE_CHUNK_BYTES, 9))).toBe(true);
  });

  it('fails the muxer’s next write once the page says a write failed', async () => {
    const { writer, writes, answer } = streamWithPage();
    await writer.write({ type: 'write', data: bytes(WRITE_CHUNK_BYTES, 0), position: 0 });
    const first = writes[0];
    if (!first) throw new Error('no write was handed over');
    answer(first, 'write-failed');
    await settle();
    await expect(writer.write({ type: 'write', data: bytes(10, 0), position: WRITE_CHUNK_BYTES })).rejects.toThrow(
      'The disk is full',
    );
  });
});
