import type { DocumentChange } from './document';

export type SaveState = 'saved' | 'saving' | 'failed';

export interface SaveQueueOptions {
  apply(change: DocumentChange): Promise<{ revision: number }>;
  /** The revision the document was opened at. */
  revision: number;
  onState(state: SaveState): void;
  /** A refused or failed save; the queue drops what was waiting, since it was made on top of the lost step. */
  onError(error: unknown): void;
}

export interface SaveQueue {
  enqueue(change: DocumentChange): void;
  /** Starts again from a freshly opened document. */
  reset(revision: number): void;
  readonly revision: number;
}

/**
 * Sends changes one at a time in the order they were made, each on the revision the one before produced, so
 * autosave never races itself. A change's own baseRevision is replaced by that revision when it is sent.
 */
export function createSaveQueue(options: SaveQueueOptions): SaveQueue {
  let revision = options.revision;
  let waiting: DocumentChange[] = [];
  let running = false;
  let generation = 0;

  const drain = async () => {
    if (running) return;
    running = true;
    const mine = generation;
    for (let next = waiting.shift(); next !== undefined; next = waiting.shift()) {
      options.onState('saving');
      try {
        const saved = await options.apply({ ...next, baseRevision: revision });
        if (mine !== generation) return;
        revision = saved.revision;
      } catch (error) {
        if (mine !== generation) return;
        waiting = [];
        running = false;
        options.onState('failed');
        options.onError(error);
        return;
      }
    }
    running = false;
    options.onState('saved');
  };

  return {
    enqueue(change) {
      waiting.push(change);
      void drain();
    },
    reset(next) {
      generation += 1;
      waiting = [];
      running = false;
      revision = next;
      options.onState('saved');
    },
    get revision() {
      return revision;
    },
  };
}
