import { describe, expect, it } from 'vitest';
import { EditRefusedError } from '../../timeline/editList';
import { editCallout } from './editCallout';
import { blankDocument, callout, idOf } from '../testDocuments.testkit';

describe('editCallout', () => {
  const doc = blankDocument({ callouts: [callout(1, 1_000, 2_000), callout(2, 500, 4_000)] });

  it('changes text, kind, range and burn-in, keeping the list in time order', () => {
    const next = editCallout.run(doc, {
      id: idOf(101),
      text: 'Watch the sign',
      sourceStart: 0,
      sourceEnd: 3_000,
      burnIn: false,
      kind: 'highlight',
    });
    expect(next.callouts[0]).toMatchObject({
      id: idOf(101),
      text: 'Watch the sign',
      sourceStart: 0,
      sourceEnd: 3_000,
      burnIn: false,
      kind: 'highlight',
    });
    expect(editCallout.label(doc, { id: idOf(101) })).toBe('Edit text callout');
  });

  it('refuses a range that ends before it starts', () => {
    expect(() => editCallout.run(doc, { id: idOf(101), sourceEnd: 1_000 })).toThrow(EditRefusedError);
  });
});
