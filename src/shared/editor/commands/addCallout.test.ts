import { describe, expect, it } from 'vitest';
import { EditRefusedError } from '../../timeline/editList';
import { addCallout } from './addCallout';
import { blankDocument, idOf } from '../testDocuments.testkit';

describe('addCallout', () => {
  it('adds a callout of each kind in the middle of the frame, over a range clipped to the take', () => {
    const next = addCallout.run(blankDocument(), { id: idOf(1), kind: 'text', sourceStart: 9_000, sourceEnd: 12_000 });
    expect(next.callouts).toEqual([
      {
        id: idOf(1),
        kind: 'text',
        sourceStart: 9_000,
        sourceEnd: 10_000,
        box: { x: 0.3, y: 0.12, w: 0.4, h: 0.12 },
        text: 'Look here',
        burnIn: true,
      },
    ]);
    expect(
      addCallout.run(blankDocument(), { id: idOf(2), kind: 'blur', sourceStart: 2_000, sourceEnd: 1_000 }).callouts[0],
    ).toMatchObject({ sourceStart: 1_000, sourceEnd: 2_000, text: '' });
  });

  it('refuses a callout with no time to show, and is labelled with its kind and range', () => {
    expect(() =>
      addCallout.run(blankDocument(), { id: idOf(1), kind: 'arrow', sourceStart: 10_000, sourceEnd: 12_000 }),
    ).toThrow(EditRefusedError);
    expect(
      addCallout.label(blankDocument(), { id: idOf(1), kind: 'arrow', sourceStart: 1_000, sourceEnd: 3_000 }),
    ).toBe('Add arrow callout 0:01.0–0:03.0');
  });
});
