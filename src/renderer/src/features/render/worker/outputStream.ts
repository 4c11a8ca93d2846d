import type { StreamTargetChunk } from 'mediabunny';
import type { FromWorker, ToWorker } from '../protocol';

/** Bytes handed to main per call: big enough to keep calls few, small enough for the contract's 32 MiB limit. */
export const WRITE_CHUNK_BYTES = 4 * 1024 * 1024;

type Post = (message: FromWorker, transfer: ArrayBuffer[]) => void;

/**
 * Writes handed to the page before the muxer waits for one to land. One at a time left the muxer (and, through its
 * backpressure, both encoders) idle for every round trip to main; a few in flight keep them busy while memory stays
 * bounded at a few chunks. The page sends them on in order, so positioned writes land as the muxer made them.
 */
export const WRITES_IN_FLIGHT = 3;

/**
 * A sink for mediabunny's StreamTarget that gathers the muxer's positioned writes into chunks of WRITE_CHUNK_BYTES
 * and hands each to the page (which owns the studio client). The chunks are a fixed pool, one filling and
 * WRITES_IN_FLIGHT on their way: each goes to the page by transfer and comes back with its `written` reply. A new
 * buffer per chunk (and the muxer's own chunking) left tens of MiB of dead buffers in the page and the Worker, which
 * their collectors free only every 64 MiB or so of such memory, so a long render's memory rose and fell by ~100 MiB.
 * The wait for a buffer to come back is the backpressure that keeps memory flat however long the lesson.
 */
export function createOutputStream(post: Post): {
  stream: WritableStream<StreamTargetChunk>;
  onReply: (message: ToWorker) => void;
} {
  const pending = new Map<number, { resolve: () => void; reject: (error: Error) => void }>();
  const inFlight = new Set<Promise<void>>();
  const free: Uint8Array<ArrayBuffer>[] = [];
  let made = 0;
  let failure: Error | null = null;
  let nextId = 0;
  let filling: { buffer: Uint8Array<ArrayBuffer>; position: number; length: number } | null = null;

  const take = async (): Promise<Uint8Array<ArrayBuffer>> => {
    while (free.length === 0 && made > WRITES_IN_FLIGHT && inFlight.size > 0) await Promise.race(inFlight);
    if (failure) throw failure;
    const buffer = free.pop();
    if (buffer) return buffer;
    made += 1;
    return new Uint8Array(WRITE_CHUNK_BYTES);
  };

  const send = () => {
    if (!filling) return;
    const { buffer, position, length } = filling;
    filling = null;
    const id = nextId++;
    const landed = new Promise<void>((resolve, reject) => pending.set(id, { resolve, reject }));
    inFlight.add(landed);
    landed.then(
      () => inFlight.delete(landed),
      (error: unknown) => {
        failure ??= error instanceof Error ? error : new Error(String(error));
        inFlight.delete(landed);
      },
    );
    post({ type: 'write', id, position, data: buffer.subarray(0, length) }, [buffer.buffer]);
  };

  const stream = new WritableStream<StreamTargetChunk>({
    async write(chunk) {
      let { data, position } = chunk;
      while (data.byteLength > 0) {
        if (failure) throw failure;
        if (filling && position !== filling.position + filling.length) send();
        filling ??= { buffer: await take(), position, length: 0 };
        const room = filling.buffer.byteLength - filling.length;
        filling.buffer.set(data.subarray(0, room), filling.length);
        const copied = Math.min(room, data.byteLength);
        filling.length += copied;
        position += copied;
        data = data.subarray(copied);
        if (filling.length === filling.buffer.byteLength) send();
      }
    },
    async close() {
      send();
      await Promise.all(inFlight);
      if (failure) throw failure;
    },
  });
  const onReply = (message: ToWorker) => {
    if (message.type !== 'written' && message.type !== 'write-failed') return;
    const waiter = pending.get(message.id);
    pending.delete(message.id);
    if (message.type === 'written') {
      free.push(new Uint8Array(message.data.buffer));
      waiter?.resolve();
    } else waiter?.reject(new Error(message.message));
  };
  return { stream, onReply };
}
