import type { StreamTargetChunk } from 'mediabunny';
import type { FromWorker, ToWorker } from '../protocol';

/** Bytes handed to main per call: big enough to keep calls few, small enough for the contract's 32 MiB limit. */
export const WRITE_CHUNK_BYTES = 4 * 1024 * 1024;

type Post = (message: FromWorker, transfer: Transferable[]) => void;

/**
 * A sink for mediabunny's StreamTarget that hands every positioned write to the page (which owns the studio
 * client) and waits for it to land: the wait is the backpressure that keeps memory flat however long the lesson.
 */
export function createOutputStream(post: Post): { stream: WritableStream<StreamTargetChunk>; onReply: (message: ToWorker) => void } {
  const pending = new Map<number, { resolve: () => void; reject: (error: Error) => void }>();
  let nextId = 0;
  const stream = new WritableStream<StreamTargetChunk>({
    write(chunk) {
      const id = nextId++;
      const data = chunk.data.slice();
      return new Promise<void>((resolve, reject) => {
        pending.set(id, { resolve, reject });
        post({ type: 'write', id, position: chunk.position, data }, [data.buffer]);
      });
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
