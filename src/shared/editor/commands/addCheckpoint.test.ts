import { describe, expect, it } from 'vitest';
import { CHECKPOINTS_MAX } from '../../checkpoints/schema';
import { checkpoint, testId } from '../../checkpoints/testFixtures';
import { EditRefusedError } from '../../timeline/editList';
import { addCheckpoint } from './addCheckpoint';
import { blankDocument } from '../testDocuments.testkit';

describe('addCheckpoint', () => {
  it('adds a question in time order, defaults filled in, clamped to the take', () => {
    const doc = blankDocument({ checkpoints: [checkpoint({ type: 'trueFalse', sourceMs: 5_000 })] });
    const next = addCheckpoint.run(doc, {
      checkpoint: { id: testId(), type: 'shortAnswer', sourceMs: 2_000.4, prompt: 'Capital?', accepted: ['Paris'] },
    });
    expect(next.checkpoints.map((c) => [c.sourceMs, c.type])).toEqual([
      [2_000, 'shortAnswer'],
      [5_000, 'trueFalse'],
    ]);
    expect(next.checkpoints[0]).toMatchObject({
      points: 1,
      required: true,
      attemptsAllowed: null,
      rewatchFrom: { kind: 'previousMarker' },
    });
    const late = addCheckpoint.run(doc, {
      checkpoint: { id: testId(), type: 'trueFalse', sourceMs: 99_999, prompt: 'End?', answer: true },
    });
    expect(late.checkpoints.at(-1)?.sourceMs).toBe(10_000);
    expect(doc.checkpoints).toHaveLength(1);
  });

  it('refuses an incomplete question with the message the form shows, a duplicate id, and one past the limit', () => {
    const doc = blankDocument();
    expect(() =>
      addCheckpoint.run(doc, {
        checkpoint: { id: testId(), type: 'trueFalse', sourceMs: 0, prompt: '  ', answer: true },
      }),
    ).toThrow(new EditRefusedError('The question cannot be empty'));
    const one = checkpoint({ type: 'trueFalse' });
    expect(() => addCheckpoint.run(blankDocument({ checkpoints: [one] }), { checkpoint: one })).toThrow(
      EditRefusedError,
    );
    const full = blankDocument({
      checkpoints: Array.from({ length: CHECKPOINTS_MAX }, () => checkpoint({ type: 'trueFalse' })),
    });
    expect(() => addCheckpoint.run(full, { checkpoint: { ...checkpoint({ type: 'trueFalse' }) } })).toThrow(
      /at most 50 questions/,
    );
  });

  it('is labelled with its time', () => {
    expect(
      addCheckpoint.label(blankDocument(), { checkpoint: checkpoint({ type: 'trueFalse', sourceMs: 3_000 }) }),
    ).toBe('Add question at 0:03.0');
  });
});
