import type { LessonDocument } from '../editor/document';
import { sortCaptionTracks } from '../editor/ordering';
import { lessonCues } from '../captions/placement';
import type { TimedText } from '../captions/model';

/** What a render burns into its picture: one language's cues that still play, in lesson time, as plain text. */
export interface BurnedCaptions {
  readonly language: string;
  readonly label: string;
  readonly cues: readonly TimedText[];
  /** Tells whether the captions changed since a render burned them (see burnedCaptionsKey). */
  readonly key: string;
}

type CaptionsOfDocument = Pick<LessonDocument, 'editList' | 'captionTracks' | 'captionCues'>;

/** The languages a render can burn in, one per language (the first track of each, in the editor's order). */
export function burnableTracks(document: Pick<LessonDocument, 'captionTracks'>): { language: string; label: string }[] {
  const seen = new Set<string>();
  return sortCaptionTracks(document.captionTracks).flatMap((track) => {
    if (seen.has(track.srclang)) return [];
    seen.add(track.srclang);
    return [{ language: track.srclang, label: track.label }];
  });
}

/**
 * The captions of `language` as a render burns them: made by `lessonCues`, as a publish makes its VTT (cues inside a
 * cut left out, cut-through ones clipped), with any WebVTT markup reduced to its text. Null when the lesson has no
 * captions in that language.
 */
export function burnedCaptions(document: CaptionsOfDocument, language: string): BurnedCaptions | null {
  const track = sortCaptionTracks(document.captionTracks).find((candidate) => candidate.srclang === language);
  if (!track) return null;
  const cues = lessonCues(document.editList, document.captionCues, track.id)
    .map((cue) => ({ start: cue.start, end: cue.end, text: plainCueText(cue.text) }))
    .filter((cue) => cue.text !== '');
  return { language, label: track.label, cues, key: burnedCaptionsKey(language, cues) };
}

/**
 * A short fingerprint of the language and every burned cue's times and text: stored with the render, and compared
 * with today's to tell that a render which burned captions no longer shows the lesson's captions. Two FNV-1a hashes
 * with different seeds; this guards against edits, not against anyone forging a collision.
 */
export function burnedCaptionsKey(language: string, cues: readonly TimedText[]): string {
  const text = JSON.stringify([language, cues.map((cue) => [cue.start, cue.end, cue.text])]);
  return `${fnv1a(text, 0x811c9dc5)}${fnv1a(text, 0x050c5d1f)}`;
}

function fnv1a(text: string, seed: number): string {
  let hash = seed;
  for (let index = 0; index < text.length; index += 1) {
    hash ^= text.charCodeAt(index);
    hash = Math.imul(hash, 0x01000193) >>> 0;
  }
  return hash.toString(16).padStart(8, '0');
}

const ENTITIES: Readonly<Record<string, string>> = {
  amp: '&',
  lt: '<',
  gt: '>',
  nbsp: '\u00a0',
  lrm: '\u200e',
  rlm: '\u200f',
  quot: '"',
  apos: "'",
};

/**
 * A cue's text as it is drawn: a cue is the teacher's or a stranger's text and is never treated as markup, so WebVTT
 * tags (`<b>`, `<c.loud>`, `<v Ana>`, `<00:01.000>`) are dropped and the character references WebVTT allows become
 * their characters. A `<` not starting a tag (“a < b”) stays as it is.
 */
export function plainCueText(text: string): string {
  return text
    .replace(/<\/?(?:[A-Za-z][^\s<>]*|\d[\d:.]*)(?:[ \t][^<>\n]*)?>/g, '')
    .replace(/&([a-z]+);/g, (whole, name: string) => ENTITIES[name] ?? whole)
    .split('\n')
    .map((line) => line.replace(/[ \t]+/g, ' ').trim())
    .filter((line) => line !== '')
    .join('\n');
}

/** The cue showing at `lessonMs` (the later one where two overlap), or null. */
export function cueAt(cues: readonly TimedText[], lessonMs: number): TimedText | null {
  return cues.findLast((cue) => cue.start <= lessonMs && lessonMs < cue.end) ?? null;
}
