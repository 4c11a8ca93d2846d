import { describe, expect, it } from 'vitest';
import { removeCallout } from './removeCallout';
import { blankDocument, callout, idOf } from '../testDocuments.testkit';

describe('removeCallout', () => {
  it('removes one callout by id', () => {
    const doc = blankDocument({ callouts: [callout(1, 0, 1_000, 'blur'), callout(2, 0, 1_000)] });
    expect(removeCallout.run(doc, { id: idOf(101) }).callouts.map((c) => c.id)).toEqual([idOf(102)]);
    expect(removeCallout.label(doc, { id: idOf(101) })).toBe('Delete blur callout');
  });
});
