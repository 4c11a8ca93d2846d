import { describe, expect, it } from 'vitest';
import { addMarker } from './addMarker';
import { blankDocument, idOf, marker } from '../testDocuments.testkit';

describe('addMarker', () => {
  it('adds a key moment in time order, clamped to the take, with a title even when left blank', () => {
    const doc = blankDocument({ markers: [marker(1, 5_000)] });
    const next = addMarker.run(doc, { id: idOf(2), sourceMs: 2_000.4, title: '  ' });
    expect(next.markers.map((m) => [m.sourceMs, m.title])).toEqual([
      [2_000, 'Key moment'],
      [5_000, 'Moment 1'],
    ]);
    expect(addMarker.run(doc, { id: idOf(3), sourceMs: 99_999, title: 'End' }).markers.at(-1)?.sourceMs).toBe(10_000);
    expect(doc.markers).toHaveLength(1);
  });

  it('is labelled with its time', () => {
    expect(addMarker.label(blankDocument(), { id: idOf(2), sourceMs: 2_000, title: 'x' })).toBe(
      'Add key moment at 0:02.0',
    );
  });
});
