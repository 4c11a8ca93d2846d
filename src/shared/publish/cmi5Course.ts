import { clip, hrefOf } from './manifestInput';
import { el, xmlDocument } from './xml';

/** cmi5 section 14: the course structure's namespace, which is also where its schema lives. */
export const CMI5_NAMESPACE = 'https://w3id.org/xapi/profiles/cmi5/v1/CourseStructure.xsd';
/** Section 14.1: a zipped course carries its structure as cmi5.xml at the root. */
export const CMI5_COURSE_FILE = 'cmi5.xml';

/** Section 13.1.4, moveOn: when the LMS counts an AU as satisfied. */
type MoveOn = 'Passed' | 'Completed' | 'CompletedAndPassed' | 'CompletedOrPassed' | 'NotApplicable';

interface Cmi5AuInput {
  /** The lesson's id: the AU's publisher id is made from it, so a re-published lesson stays the same AU. */
  readonly lessonId: string;
  readonly title: string;
  readonly description: string;
  /** Relative to the package root: the AU's launch page. */
  readonly url: string;
  /** null when nothing in the lesson is scored. */
  readonly masteryPercent: number | null;
}

export interface Cmi5CourseInput {
  /** The lesson's id for a one-lesson course, the project's for a course of all its lessons. */
  readonly courseId: string;
  readonly title: string;
  readonly description: string;
  readonly language: string;
  readonly aus: readonly Cmi5AuInput[];
}

/** Publisher ids (course and AU `id`) are IRIs; a URN made from our own ids is globally unique and never resolves. */
function cmi5CourseId(courseId: string): string {
  return `urn:flipside:course:${encodeURIComponent(courseId)}`;
}

function cmi5AuId(lessonId: string): string {
  return `urn:flipside:au:${encodeURIComponent(lessonId)}`;
}

/**
 * The teacher's rules as cmi5 moveOn: a scored lesson is satisfied when it is completed (watched and answered as the
 * completion rule says) and passed (the mastery line); one with nothing to score, when it is completed.
 */
function moveOnFor(masteryPercent: number | null): MoveOn {
  return masteryPercent === null ? 'Completed' : 'CompletedAndPassed';
}

/** masteryScore is scaled 0..1 "with up to 4 decimal places of precision" (section 13.1.4). */
export function masteryScoreOf(masteryPercent: number): string {
  const value = Math.round(Math.min(100, Math.max(0, masteryPercent)) * 100) / 10_000;
  return String(Number(value.toFixed(4)));
}

/** cmi5.xml: one AU per lesson, in lesson order, each launched in any window (our player runs in a frame or tab). */
export function cmi5CourseStructure(input: Cmi5CourseInput): string {
  const text = (value: string, max: number) => el('langstring', { lang: input.language }, clip(value, max));
  const root = el(
    'courseStructure',
    { xmlns: CMI5_NAMESPACE },
    el(
      'course',
      { id: cmi5CourseId(input.courseId) },
      el('title', {}, text(input.title, 500)),
      el('description', {}, text(input.description, 2000)),
    ),
    ...input.aus.map((au) =>
      el(
        'au',
        {
          id: cmi5AuId(au.lessonId),
          moveOn: moveOnFor(au.masteryPercent),
          masteryScore: au.masteryPercent === null ? undefined : masteryScoreOf(au.masteryPercent),
          launchMethod: 'AnyWindow',
        },
        el('title', {}, text(au.title, 500)),
        el('description', {}, text(au.description, 2000)),
        el('url', {}, hrefOf(au.url)),
      ),
    ),
  );
  return xmlDocument(root);
}
