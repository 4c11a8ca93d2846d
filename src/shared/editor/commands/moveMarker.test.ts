import { describe, expect, it } from 'vitest';
import { EditRefusedError } from '../../timeline/editList';
import { moveMarker } from './moveMarker';
import { blankDocument, idOf, marker } from '../testDocuments.testkit';

describe('moveMarker', () => {
  const doc = blankDocument({ markers: [marker(1, 1_000), marker(2, 5_000)] });

  it('moves a key moment and keeps the list in time order', () => {
    expect(moveMarker.run(doc, { id: idOf(1), sourceMs: 6_000 }).markers.map((m) => m.id)).toEqual([idOf(2), idOf(1)]);
    expect(moveMarker.run(doc, { id: idOf(1), sourceMs: -5 }).markers[0]?.sourceMs).toBe(0);
  });

  it('merges repeated moves of one moment into one undo step, and refuses a missing one', () => {
    expect(moveMarker.mergeKey?.({ id: idOf(1), sourceMs: 0 })).toBe(
      moveMarker.mergeKey?.({ id: idOf(1), sourceMs: 9 }),
    );
    expect(moveMarker.label(doc, { id: idOf(1), sourceMs: 6_000 })).toBe('Move “Moment 1” to 0:06.0');
    expect(() => moveMarker.run(doc, { id: idOf(9), sourceMs: 0 })).toThrow(EditRefusedError);
  });
});
