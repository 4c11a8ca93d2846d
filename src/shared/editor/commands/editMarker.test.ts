import { describe, expect, it } from 'vitest';
import { editMarker } from './editMarker';
import { blankDocument, idOf, marker } from '../testDocuments.testkit';

describe('editMarker', () => {
  const doc = blankDocument({ markers: [marker(1, 1_000, 'Intro')] });

  it('changes the title and note; a blank title keeps the old one', () => {
    expect(editMarker.run(doc, { id: idOf(1), title: ' Start ', note: 'Why it matters' }).markers[0]).toMatchObject({
      title: 'Start',
      note: 'Why it matters',
    });
    expect(editMarker.run(doc, { id: idOf(1), title: '' }).markers[0]?.title).toBe('Intro');
    expect(editMarker.label(doc, { id: idOf(1) })).toBe('Edit “Intro”');
  });
});
