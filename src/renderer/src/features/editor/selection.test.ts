import { describe, expect, it } from 'vitest';
import { blankDocument, callout, marker } from '@shared/editor/testDocuments.testkit';
import { SELECT, NOTHING_SELECTED, sameSelection, selectedId, selectedRange, summarizeSelection } from './selection';

// A 10 s take with 3–5 s cut: an 8 s lesson in two sections, 0:00–0:03 and 0:03–0:08.
const doc = blankDocument({
  editList: { sourceDuration: 10_000, trimStart: 0, trimEnd: 10_000, cuts: [{ start: 3_000, end: 5_000 }], splits: [] },
  markers: [marker(1, 6_000, 'Newton')],
  callouts: [callout(1, 0, 4_000)],
});

describe('summarizeSelection: what is selected and what Delete does to it, in the words the button shows', () => {
  it('names a section by its lesson times and offers to cut it', () => {
    expect(summarizeSelection(SELECT.section(7_000), doc)).toEqual({
      what: 'Section 0:03.0–0:08.0',
      remove: { label: 'Cut this section', action: { kind: 'cut-section', atMs: 7_000 } },
    });
  });

  it('says a callout inside a cut is not shown, since the picture does not draw it, and still offers to delete it', () => {
    const cutOut = callout(2, 3_200, 4_800);
    const summary = summarizeSelection(SELECT.callout(cutOut.id), { ...doc, callouts: [cutOut] });
    expect(summary?.what).toBe('Text callout “Note”, inside a cut: not shown');
    expect(summary?.remove?.label).toBe('Delete this callout');
  });

  it('names a callout, a key moment and a question, and offers to delete exactly that one', () => {
    const id = doc.callouts[0]?.id ?? '';
    expect(summarizeSelection(SELECT.callout(id), doc)).toEqual({
      what: 'Text callout “Note”',
      remove: { label: 'Delete this callout', action: { kind: 'remove-callout', id } },
    });
    const markerId = doc.markers[0]?.id ?? '';
    expect(summarizeSelection(SELECT.marker(markerId), doc)?.remove).toEqual({
      label: 'Delete this key moment',
      action: { kind: 'remove-marker', id: markerId },
    });
    expect(summarizeSelection(SELECT.marker(markerId), doc)?.what).toBe('Key moment “Newton”');
  });

  it('offers to cut a part only when both ends are set, and says how to finish one', () => {
    expect(summarizeSelection(SELECT.part(1_000, 6_000), doc)).toEqual({
      what: 'Part 0:01.0–0:04.0',
      remove: { label: 'Cut this part', action: { kind: 'cut-part', range: { start: 1_000, end: 6_000 } } },
    });
    expect(summarizeSelection(SELECT.part(6_000, 1_000), doc)?.remove?.action).toEqual({
      kind: 'cut-part',
      range: { start: 1_000, end: 6_000 },
    });
    expect(summarizeSelection(SELECT.part(1_000, null), doc)).toEqual({
      what: 'Part from 0:01.0: press O where it ends',
      remove: null,
    });
    expect(summarizeSelection(SELECT.part(null, 6_000), doc)?.remove).toBeNull();
  });

  it('is empty when nothing is selected or the selected thing is gone (after an undo)', () => {
    expect(summarizeSelection(NOTHING_SELECTED, doc)).toBeNull();
    expect(summarizeSelection(SELECT.callout('00000000-0000-4000-8000-000000000999'), doc)).toBeNull();
    expect(summarizeSelection(SELECT.section(4_000), doc)).toBeNull();
  });
});

describe('one thing at a time', () => {
  it('highlights only the kind that is selected', () => {
    expect(selectedId(SELECT.callout('a'), 'callout')).toBe('a');
    expect(selectedId(SELECT.callout('a'), 'marker')).toBeNull();
    expect(selectedRange(SELECT.section(1_000))).toBeNull();
    expect(selectedRange(SELECT.part(2_000, 2_000))).toBeNull();
  });

  it('tells the same selection from another', () => {
    expect(sameSelection(SELECT.marker('a'), SELECT.marker('a'))).toBe(true);
    expect(sameSelection(SELECT.marker('a'), SELECT.checkpoint('a'))).toBe(false);
  });
});
