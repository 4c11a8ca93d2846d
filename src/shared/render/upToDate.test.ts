import { describe, expect, it } from 'vitest';
import { blankDocument, idOf, TAKE_ID } from '../editor/testDocuments.testkit';
import type { LessonDocument } from '../editor/document';
import { burnedCaptions } from './burnedCaptions';
import { isUpToDate } from './upToDate';

const captioned = (text: string, revision = 4): LessonDocument =>
  blankDocument({
    revision,
    pictureRevision: 4,
    captionTracks: [
      { id: idOf(1), label: 'English', srclang: 'en' },
      { id: idOf(2), label: 'Français', srclang: 'fr' },
    ],
    captionCues: [
      { id: idOf(3), trackId: idOf(1), sourceStart: 1_000, sourceEnd: 2_000, text },
      { id: idOf(4), trackId: idOf(2), sourceStart: 1_000, sourceEnd: 2_000, text: 'Bonjour' },
    ],
  });

describe('isUpToDate', () => {
  const render = { status: 'ready', takeId: TAKE_ID, revision: 4, burnedCaptions: null } as const;
  const doc = (revision: number, pictureRevision: number) => ({ ...captioned('Hello'), revision, pictureRevision });

  it('keeps a render current through edits it does not show (notes, captions), not through a cut', () => {
    expect(isUpToDate(render, doc(4, 4))).toBe(true);
    expect(isUpToDate(render, doc(9, 4))).toBe(true);
    expect(isUpToDate(render, doc(9, 7))).toBe(false);
    expect(isUpToDate(render, doc(3, 3))).toBe(false);
    expect(isUpToDate({ ...render, takeId: idOf(999) }, doc(4, 4))).toBe(false);
    expect(isUpToDate({ ...render, status: 'rendering' }, doc(4, 4))).toBe(false);
  });

  it('puts a render out of date when the captions it burned in change, and only those', () => {
    const key = burnedCaptions(captioned('Hello'), 'en')?.key ?? '';
    const burned = { ...render, burnedCaptions: { language: 'en', key } };
    expect(isUpToDate(burned, captioned('Hello', 6))).toBe(true);
    expect(isUpToDate(burned, captioned('Hello, class', 6))).toBe(false);
    // Another language's edit leaves it current.
    expect(
      isUpToDate(burned, { ...captioned('Hello', 6), captionCues: captioned('Hello').captionCues.slice(0, 1) }),
    ).toBe(true);
    // The language's track removed: its captions are no longer the lesson's.
    expect(isUpToDate(burned, { ...captioned('Hello', 6), captionTracks: [] })).toBe(false);
  });
});
