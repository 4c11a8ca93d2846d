import { describe, expect, it } from 'vitest';
import { moveCallout } from './moveCallout';
import { blankDocument, callout, idOf } from '../testDocuments.testkit';

describe('moveCallout', () => {
  const doc = blankDocument({
    callouts: [callout(1, 0, 1_000), { ...callout(2, 0, 1_000, 'arrow'), box: { x: 0.5, y: 0.5, w: -0.2, h: 0.3 } }],
  });

  it('moves a box, keeping its size and keeping it on the frame', () => {
    expect(moveCallout.run(doc, { id: idOf(101), x: 0.5, y: 0.25 }).callouts[0]?.box).toEqual({
      x: 0.5,
      y: 0.25,
      w: 0.3,
      h: 0.2,
    });
    expect(moveCallout.run(doc, { id: idOf(101), x: 0.9, y: -1 }).callouts[0]?.box).toEqual({
      x: 0.7,
      y: 0,
      w: 0.3,
      h: 0.2,
    });
  });

  it('moves an arrow by its tail and shortens it rather than let the head leave the frame', () => {
    expect(moveCallout.run(doc, { id: idOf(102), x: 0.1, y: 0.9 }).callouts[1]?.box).toEqual({
      x: 0.1,
      y: 0.9,
      w: -0.1,
      h: 0.1,
    });
  });

  it('undoes a drag or a run of nudges as one step', () => {
    expect(moveCallout.mergeKey?.({ id: idOf(101), x: 0, y: 0 })).toBe('move-callout:' + idOf(101));
    expect(moveCallout.label(doc, { id: idOf(102), x: 0, y: 0 })).toBe('Move arrow callout');
  });
});
