import { describe, expect, it } from 'vitest';
import { applyChange, diffDocuments } from '../diff';
import { blankDocument, idOf } from '../testDocuments.testkit';
import { placeCues } from '../../captions/placement';
import { cutRange } from './timeline';
import {
  addCaptionTrack,
  addCue,
  editCueText,
  importCues,
  mergeCueWithNext,
  removeCaptionTrack,
  setCueTimes,
  setNotes,
  splitCue,
} from '.';

const TRACK = idOf(700);
const withTrack = () => addCaptionTrack.run(blankDocument(), { id: TRACK, label: 'English', srclang: 'en' });
const words = [
  { text: 'Cells', start: 1000, end: 1400 },
  { text: 'divide', start: 1500, end: 2000 },
  { text: 'in', start: 2600, end: 2700 },
  { text: 'two', start: 2800, end: 3100 },
];

describe('caption commands', () => {
  it('refuses a second track of one language, whatever its case', () => {
    expect(() => addCaptionTrack.run(withTrack(), { id: idOf(701), label: 'Also', srclang: 'EN' })).toThrow(
      /already has captions/,
    );
  });

  it('splits between the words said before and after the playhead, keeping each half’s words', () => {
    const doc = importCues.run(withTrack(), {
      trackId: TRACK,
      cues: [{ start: 1000, end: 3200, text: 'Cells divide in two', words }],
      ids: [idOf(1)],
      replace: true,
      what: 'Import',
    });
    const split = splitCue.run(doc, { id: idOf(1), newId: idOf(2), at: 2300 });
    expect(split.captionCues.map(({ sourceStart, sourceEnd, text }) => ({ sourceStart, sourceEnd, text }))).toEqual([
      { sourceStart: 1000, sourceEnd: 2300, text: 'Cells divide' },
      { sourceStart: 2300, sourceEnd: 3200, text: 'in two' },
    ]);
    expect(split.captionCues[1]?.words).toEqual(words.slice(2));
    const joined = mergeCueWithNext.run(split, { id: idOf(1) });
    expect(joined.captionCues).toEqual([
      { id: idOf(1), trackId: TRACK, sourceStart: 1000, sourceEnd: 3200, text: 'Cells divide in two', words },
    ]);
    expect(() => splitCue.run(doc, { id: idOf(1), newId: idOf(2), at: 3200 })).toThrow(/inside the caption/);
    expect(() => mergeCueWithNext.run(doc, { id: idOf(1) })).toThrow(/last caption/);
  });

  it('splits text without words at the space nearest the playhead’s fraction', () => {
    const doc = addCue.run(withTrack(), {
      id: idOf(1),
      trackId: TRACK,
      sourceStart: 0,
      sourceEnd: 1000,
      text: 'one two three four',
    });
    const split = splitCue.run(doc, { id: idOf(1), newId: idOf(2), at: 500 });
    expect(split.captionCues.map((cue) => cue.text)).toEqual(['one two', 'three four']);
  });

  it('keeps a draft’s words only while the text reads the same, and merges typing and nudges into one undo step', () => {
    const doc = importCues.run(withTrack(), {
      trackId: TRACK,
      cues: [{ start: 1000, end: 3200, text: 'Cells divide in two', words }],
      ids: [idOf(1)],
      replace: false,
      what: 'x',
    });
    expect(editCueText.run(doc, { id: idOf(1), text: 'Cells divide in two.' }).captionCues[0]?.words).toEqual(words);
    expect(editCueText.run(doc, { id: idOf(1), text: 'Cells divide into two' }).captionCues[0]?.words).toBeUndefined();
    expect(editCueText.mergeKey?.({ id: idOf(1), text: '' })).toBe(editCueText.mergeKey?.({ id: idOf(1), text: 'x' }));
    expect(setCueTimes.run(doc, { id: idOf(1), sourceStart: 1100, sourceEnd: 3300 }).captionCues[0]).toMatchObject({
      sourceStart: 1100,
      sourceEnd: 3300,
    });
    expect(() => setCueTimes.run(doc, { id: idOf(1), sourceStart: 3000, sourceEnd: 3000 })).toThrow(
      /end after it starts/,
    );
  });

  it('moves cues with a cut and flags one inside it, never dropping it; undoing a track removal brings its cues back', () => {
    let doc = withTrack();
    doc = addCue.run(doc, { id: idOf(1), trackId: TRACK, sourceStart: 1000, sourceEnd: 2000, text: 'before' });
    doc = addCue.run(doc, { id: idOf(2), trackId: TRACK, sourceStart: 3000, sourceEnd: 3500, text: 'inside' });
    doc = addCue.run(doc, { id: idOf(3), trackId: TRACK, sourceStart: 6000, sourceEnd: 7000, text: 'after' });
    const cut = cutRange.run(doc, { start: 2500, end: 4500 });
    expect(cut.captionCues).toHaveLength(3);
    expect(
      placeCues(cut.editList, cut.captionCues).map(({ text, removed, lessonStart }) => ({
        text,
        removed,
        lessonStart,
      })),
    ).toEqual([
      { text: 'before', removed: false, lessonStart: 1000 },
      { text: 'inside', removed: true, lessonStart: 2500 },
      { text: 'after', removed: false, lessonStart: 4000 },
    ]);
    const removed = removeCaptionTrack.run(doc, { id: TRACK });
    expect(removed.captionCues).toEqual([]);
    expect(applyChange(removed, diffDocuments(removed, doc)).captionCues).toHaveLength(3);
  });

  it('keeps notes as typed, one undo step per run of typing', () => {
    expect(setNotes.run(blankDocument(), { source: '# Hi' }).notes).toBe('# Hi');
    expect(setNotes.mergeKey?.({ source: 'a' })).toBe('notes');
  });
});
