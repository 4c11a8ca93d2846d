import { describe, expect, it } from 'vitest';
import { EditRefusedError } from '../../timeline/editList';
import { removeMarker } from './removeMarker';
import { blankDocument, idOf, marker } from '../testDocuments.testkit';

describe('removeMarker', () => {
  it('removes one key moment by id', () => {
    const doc = blankDocument({ markers: [marker(1, 1_000, 'Intro'), marker(2, 2_000)] });
    expect(removeMarker.run(doc, { id: idOf(1) }).markers.map((m) => m.id)).toEqual([idOf(2)]);
    expect(removeMarker.label(doc, { id: idOf(1) })).toBe('Delete “Intro”');
    expect(() => removeMarker.run(doc, { id: idOf(7) })).toThrow(EditRefusedError);
  });
});
