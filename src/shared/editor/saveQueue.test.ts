import { describe, expect, it } from 'vitest';
import type { DocumentChange } from './document';
import { createSaveQueue, type SaveState } from './saveQueue';
import { TAKE_ID } from './testDocuments.testkit';

const change = (title: string): DocumentChange => ({
  takeId: TAKE_ID,
  baseRevision: 0,
  upsertMarkers: [{ id: '00000000-0000-4000-8000-000000000001', sourceMs: 0, title, note: '' }],
  removeMarkers: [],
  upsertCallouts: [],
  removeCallouts: [],
  upsertCaptionTracks: [],
  removeCaptionTracks: [],
  upsertCaptionCues: [],
  removeCaptionCues: [],
  upsertCheckpoints: [],
  removeCheckpoints: [],
});

function deferred() {
  let resolve!: (value: { revision: number }) => void;
  let reject!: (error: unknown) => void;
  const promise = new Promise<{ revision: number }>((res, rej) => ((resolve = res), (reject = rej)));
  return { promise, resolve, reject };
}

const flush = () => new Promise((resolve) => setTimeout(resolve, 0));

describe('createSaveQueue', () => {
  it('sends changes one at a time, in order, each on the revision the previous one produced', async () => {
    const sent: { title: string; base: number }[] = [];
    const answers = [deferred(), deferred()];
    const states: SaveState[] = [];
    const queue = createSaveQueue({
      revision: 5,
      apply: (c) => {
        sent.push({ title: c.upsertMarkers[0]!.title, base: c.baseRevision });
        return answers[sent.length - 1]!.promise;
      },
      onState: (state) => states.push(state),
      onError: () => undefined,
    });
    queue.enqueue(change('a'));
    queue.enqueue(change('b'));
    await flush();
    expect(sent).toEqual([{ title: 'a', base: 5 }]);
    answers[0]!.resolve({ revision: 6 });
    await flush();
    expect(sent).toEqual([
      { title: 'a', base: 5 },
      { title: 'b', base: 6 },
    ]);
    answers[1]!.resolve({ revision: 7 });
    await flush();
    expect(queue.revision).toBe(7);
    expect(states.at(-1)).toBe('saved');
  });

  it('reports a refused save and drops what was waiting; reset starts again', async () => {
    const errors: unknown[] = [];
    const answer = deferred();
    const sent: string[] = [];
    const queue = createSaveQueue({
      revision: 1,
      apply: (c) => {
        sent.push(c.upsertMarkers[0]!.title);
        return sent.length === 1 ? answer.promise : Promise.resolve({ revision: 10 });
      },
      onState: () => undefined,
      onError: (error) => errors.push(error),
    });
    queue.enqueue(change('a'));
    queue.enqueue(change('b'));
    answer.reject(new Error('conflict'));
    await flush();
    expect(errors).toHaveLength(1);
    expect(sent).toEqual(['a']);
    queue.reset(9);
    queue.enqueue(change('c'));
    await flush();
    expect(sent).toEqual(['a', 'c']);
    expect(queue.revision).toBe(10);
  });
});
