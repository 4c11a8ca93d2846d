import { describe, expect, it } from 'vitest';
import { MIN_BOX } from './calloutList';
import { resizeCallout } from './resizeCallout';
import { blankDocument, callout, idOf } from '../testDocuments.testkit';

describe('resizeCallout', () => {
  const doc = blankDocument({ callouts: [callout(1, 0, 1_000, 'highlight')] });

  it('sets the whole box, never smaller than MIN_BOX nor off the frame', () => {
    expect(resizeCallout.run(doc, { id: idOf(101), box: { x: 0.2, y: 0.2, w: 0.5, h: 0.4 } }).callouts[0]?.box).toEqual(
      { x: 0.2, y: 0.2, w: 0.5, h: 0.4 },
    );
    expect(resizeCallout.run(doc, { id: idOf(101), box: { x: 0.2, y: 0.2, w: 0, h: 0.001 } }).callouts[0]?.box).toEqual(
      { x: 0.2, y: 0.2, w: MIN_BOX, h: MIN_BOX },
    );
    expect(resizeCallout.run(doc, { id: idOf(101), box: { x: 0.8, y: 0, w: 0.5, h: 0.5 } }).callouts[0]?.box).toEqual({
      x: 0.5,
      y: 0,
      w: 0.5,
      h: 0.5,
    });
    expect(resizeCallout.label(doc, { id: idOf(101), box: { x: 0, y: 0, w: 1, h: 1 } })).toBe(
      'Resize highlight callout',
    );
  });
});
