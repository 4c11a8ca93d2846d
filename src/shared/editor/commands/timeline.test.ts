import { describe, expect, it } from 'vitest';
import { placeAnchors } from '../../timeline/anchors';
import { EditRefusedError, lessonDuration } from '../../timeline/editList';
import { cutRange, deleteSegment, removeSplit, restoreCut, splitAt, trimEnd, trimStart } from './timeline';
import { blankDocument, marker } from '../testDocuments.testkit';

describe('timeline command adapters', () => {
  const doc = blankDocument({ markers: [marker(1, 5_000)] });

  it('trim both ends and cut a range, in source time, leaving anchors where they are', () => {
    const trimmed = trimEnd.run(trimStart.run(doc, { at: 1_000 }), { at: 9_000 });
    const cut = cutRange.run(trimmed, { start: 4_000, end: 6_000 });
    expect(cut.editList).toMatchObject({ trimStart: 1_000, trimEnd: 9_000, cuts: [{ start: 4_000, end: 6_000 }] });
    expect(lessonDuration(cut.editList)).toBe(6_000);
    expect(cut.markers).toEqual(doc.markers);
    expect(placeAnchors(cut.editList, cut.markers)[0]?.removed).toBe(true);
    const restored = restoreCut.run(cut, { at: 5_000 });
    expect(placeAnchors(restored.editList, restored.markers)[0]).toMatchObject({ removed: false, lessonMs: 4_000 });
  });

  it('split, join and delete a segment', () => {
    const split = splitAt.run(doc, { at: 3_000 });
    expect(split.editList.splits).toEqual([3_000]);
    expect(deleteSegment.run(split, { at: 1_000 }).editList.cuts).toEqual([{ start: 0, end: 3_000 }]);
    expect(removeSplit.run(split, { at: 3_000 }).editList.splits).toEqual([]);
  });

  it('carry the timeline’s labels and refusals', () => {
    expect(trimStart.label(doc, { at: 1_000 })).toBe('Trim start to 0:01.0');
    expect(cutRange.label(doc, { start: 4_000, end: 6_000 })).toBe('Cut 0:04.0–0:06.0');
    expect(splitAt.label(doc, { at: 3_000 })).toBe('Split at 0:03.0');
    expect(() => cutRange.run(doc, { start: 0, end: 10_000 })).toThrow(EditRefusedError);
  });
});
