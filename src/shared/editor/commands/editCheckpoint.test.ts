import { describe, expect, it } from 'vitest';
import { checkpoint, testId } from '../../checkpoints/testFixtures';
import { EditRefusedError } from '../../timeline/editList';
import { editCheckpoint } from './editCheckpoint';
import { blankDocument } from '../testDocuments.testkit';

describe('editCheckpoint', () => {
  const first = checkpoint({ type: 'single', sourceMs: 1_000, prompt: '**What** is 2 + 2?\nThink first.' });
  const doc = blankDocument({ checkpoints: [first, checkpoint({ type: 'trueFalse', sourceMs: 4_000 })] });

  it('replaces the question, even with another type, and keeps the list in time order', () => {
    const next = editCheckpoint.run(doc, {
      checkpoint: {
        id: first.id,
        type: 'numeric',
        sourceMs: 6_000,
        prompt: first.prompt,
        answer: { kind: 'value', value: 4 },
      },
    });
    expect(next.checkpoints.map((c) => c.type)).toEqual(['trueFalse', 'numeric']);
    expect(next.checkpoints[1]).toMatchObject({ id: first.id, answer: { kind: 'value', value: 4, tolerance: 0 } });
  });

  it('is named after the prompt’s first line, and refuses a missing or invalid question', () => {
    expect(editCheckpoint.label(doc, { checkpoint: first })).toBe('Edit question “What is 2 + 2?”');
    expect(() => editCheckpoint.run(doc, { checkpoint: { ...first, id: testId() } })).toThrow(EditRefusedError);
    const noneRight = {
      type: 'single' as const,
      id: first.id,
      sourceMs: 1_000,
      prompt: 'Pick',
      choices: [
        { id: 'a', text: 'A', correct: false },
        { id: 'b', text: 'B', correct: false },
      ],
    };
    expect(() => editCheckpoint.run(doc, { checkpoint: noneRight })).toThrow(
      new EditRefusedError('Mark exactly one choice as correct'),
    );
  });
});
