import { describe, expect, it } from 'vitest';
import { checkpoint, testId } from '../../checkpoints/testFixtures';
import { EditRefusedError } from '../../timeline/editList';
import { removeCheckpoint } from './removeCheckpoint';
import { blankDocument } from '../testDocuments.testkit';

describe('removeCheckpoint', () => {
  const a = checkpoint({ type: 'trueFalse', sourceMs: 1_000, prompt: 'Is the sky blue?' });
  const doc = blankDocument({ checkpoints: [a, checkpoint({ type: 'trueFalse', sourceMs: 5_000 })] });

  it('deletes one question and names it', () => {
    expect(removeCheckpoint.run(doc, { id: a.id }).checkpoints).toHaveLength(1);
    expect(removeCheckpoint.label(doc, { id: a.id })).toBe('Delete question “Is the sky blue?”');
  });

  it('refuses a question that is gone', () => {
    expect(() => removeCheckpoint.run(doc, { id: testId() })).toThrow(EditRefusedError);
  });
});
