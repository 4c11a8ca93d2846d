import { describe, expect, it } from 'vitest';
import { checkpoint, testId } from '../../checkpoints/testFixtures';
import { EditRefusedError } from '../../timeline/editList';
import { moveCheckpoint } from './moveCheckpoint';
import { blankDocument } from '../testDocuments.testkit';

describe('moveCheckpoint', () => {
  const a = checkpoint({ type: 'trueFalse', sourceMs: 1_000, prompt: 'First?' });
  const b = checkpoint({ type: 'trueFalse', sourceMs: 5_000 });
  const doc = blankDocument({ checkpoints: [a, b] });

  it('moves a question in source time, clamped, keeping the list in time order', () => {
    expect(moveCheckpoint.run(doc, { id: a.id, sourceMs: 6_000 }).checkpoints.map((c) => c.id)).toEqual([b.id, a.id]);
    expect(moveCheckpoint.run(doc, { id: a.id, sourceMs: -5 }).checkpoints[0]?.sourceMs).toBe(0);
  });

  it('merges repeated moves of one question into one undo step, and refuses a missing one', () => {
    expect(moveCheckpoint.mergeKey?.({ id: a.id, sourceMs: 0 })).toBe(
      moveCheckpoint.mergeKey?.({ id: a.id, sourceMs: 9 }),
    );
    expect(moveCheckpoint.mergeKey?.({ id: a.id, sourceMs: 0 })).not.toBe(
      moveCheckpoint.mergeKey?.({ id: b.id, sourceMs: 0 }),
    );
    expect(moveCheckpoint.label(doc, { id: a.id, sourceMs: 6_000 })).toBe('Move question “First?” to 0:06.0');
    expect(() => moveCheckpoint.run(doc, { id: testId(), sourceMs: 0 })).toThrow(EditRefusedError);
  });
});
