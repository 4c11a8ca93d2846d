import type { StreamTargetChunk } from 'mediabunny';
import type { FromWorker, ToWorker } from '../protocol';

/** Bytes handed to main per call: big enough to keep calls few, small enough for the contract's 32 MiB limit. */
export const WRITE_CHUNK_BYTES = 4 * 1024 * 1024;

type Post = (message: FromWorker, transfer: Transferable[]) => void;

/**
 * Writes handed to the page before the muxer waits for one to land. One at a time left the muxer (and, through its
 * backpressure, both encoders) idle for every round trip to main; a few in flight keep them busy while memory stays
 * bounded at a few chunks. The page sends them on in order, so positioned writes land as the muxer made them.
 */
export const WRITES_IN_FLIGHT = 3;

/**
 * A sink for mediabunny's StreamTarget that hands every positioned write to the page (which owns the studio
 * client). The wait for writes to land is the backpressure that keeps memory flat however long the lesson.
 */
export function createOutputStream(post: Post): {
  stream: WritableStream<StreamTargetChunk>;
  onReply: (message: ToWorker) => void;
} {
  const pending = new Map<number, { resolve: () => void; reject: (error: Error) => void }>();
  const inFlight = new Set<Promise<void>>();
  let failure: Error | null = null;
  let nextId = 0;
  const stream = new WritableStream<StreamTargetChunk>({
    async write(chunk) {
      if (failure) throw failure;
      const id = nextId++;
      const data = chunk.data.slice();
      const landed = new Promise<void>((resolve, reject) => pending.set(id, { resolve, reject }));
      inFlight.add(landed);
      landed.then(
        () => inFlight.delete(landed),
        (error: unknown) => {
          failure ??= error instanceof Error ? error : new Error(String(error));
          inFlight.delete(landed);
        },
      );
      post({ type: 'write', id, position: chunk.position, data }, [data.buffer]);
      if (inFlight.size >= WRITES_IN_FLIGHT) await Promise.race(inFlight);
    },
    async close() {
      await Promise.all(inFlight);
    },
  });
  const onReply = (message: ToWorker) => {
    if (message.type !== 'written' && message.type !== 'write-failed') return;
    const waiter = pending.get(message.id);
    pending.delete(message.id);
    if (message.type === 'written') waiter?.resolve();
    else waiter?.reject(new Error(message.message));
  };
  return { stream, onReply };
}
