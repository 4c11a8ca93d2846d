import { truncateCodePoints } from '../format/text';
/** What both SCORM manifests are made from: plain values, already decided by the snapshot and the settings. */
export interface ManifestInput {
  /** Stable per lesson and version, so an LMS recognises a re-upload as a new version of the same course. */
  readonly lessonId: string;
  readonly title: string;
  readonly description: string;
  readonly language: string;
  readonly version: string;
  /** null when nothing in the lesson is scored: no mastery can be measured then. */
  readonly masteryPercent: number | null;
  /** The package paths of every file the SCO uses, launch page first. */
  readonly files: readonly string[];
  readonly launch: string;
}

/** XSD title types count characters (code points), not UTF-16 units; cut at a code point boundary. */
export function clip(text: string, max: number): string {
  return truncateCodePoints(text.trim(), max);
}

/** A package path as an xs:anyURI href: each segment percent-encoded, the slashes kept. */
export function hrefOf(path: string): string {
  return path.split('/').map(encodeURIComponent).join('/');
}
