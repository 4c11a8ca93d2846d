import { EditRefusedError } from '../../timeline/editList';
import type { CaptionCue, CaptionTrackInfo, CueWord } from '../../captions/model';
import type { LessonDocument } from '../document';
import { sortCaptionCues, sortCaptionTracks } from '../ordering';

export function findTrack(doc: LessonDocument, id: string): CaptionTrackInfo {
  const track = doc.captionTracks.find((item) => item.id === id);
  if (!track) throw new EditRefusedError('Those captions no longer exist');
  return track;
}

export function findCue(doc: LessonDocument, id: string): CaptionCue {
  const cue = doc.captionCues.find((item) => item.id === id);
  if (!cue) throw new EditRefusedError('That caption no longer exists');
  return cue;
}

export function withCues(doc: LessonDocument, cues: readonly CaptionCue[]): LessonDocument {
  return { ...doc, captionCues: sortCaptionCues(cues) };
}

export function withTracks(doc: LessonDocument, tracks: readonly CaptionTrackInfo[]): LessonDocument {
  return { ...doc, captionTracks: sortCaptionTracks(tracks) };
}

/** A cue's times kept on the take, at least a tenth of a second long. */
export function clampCue(doc: LessonDocument, start: number, end: number): { sourceStart: number; sourceEnd: number } {
  const duration = doc.editList.sourceDuration;
  const sourceStart = Math.min(Math.max(0, Math.round(start)), duration - 100);
  const sourceEnd = Math.min(duration, Math.max(sourceStart + 100, Math.round(end)));
  return { sourceStart, sourceEnd };
}

/** The words a draft gave, kept only while the text still reads as those words (edits to spelling drop them). */
export function wordsFor(text: string, words: readonly CueWord[] | undefined): CueWord[] | undefined {
  if (!words || words.length === 0) return undefined;
  const said = (value: string) =>
    value
      .toLowerCase()
      .replace(/[^\p{L}\p{N}\s]/gu, '')
      .split(/\s+/)
      .filter(Boolean)
      .join(' ');
  return said(words.map((word) => word.text).join(' ')) === said(text) ? [...words] : undefined;
}
