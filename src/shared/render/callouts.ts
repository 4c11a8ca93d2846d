import type { Callout, CalloutKind, LessonDocument } from '../editor/document';
import type { FrameSize } from '../editor/bubbleGeometry';
import { placeCallouts } from '../timeline/anchors';
import type { PixelBox } from './calloutLook';

/** A callout that plays, in lesson time; its box is in fractions of the frame, as the teacher placed it. */
export interface LessonCallout {
  readonly id: string;
  readonly kind: CalloutKind;
  readonly text: string;
  readonly lessonStart: number;
  readonly lessonEnd: number;
  readonly box: Callout['box'];
}

/** A callout in pixels of one frame and in lesson time. For an arrow, (x, y) is the tail and (x + w, y + h) the head. */
export type PlannedCallout = Omit<LessonCallout, 'box'> & PixelBox;

/**
 * Which callouts a picture carries: a render burns in those marked so (`burned`); the learner player draws the others
 * over a render (`overlaid`), or all of them over the plain recording (`all`).
 */
export type CalloutSelection = 'burned' | 'overlaid' | 'all';

/**
 * The callouts that still play (one wholly inside a cut is left out, as it is from the lesson), in lesson time and
 * drawing order: blurs first, so nothing drawn later is blurred.
 */
export function lessonCallouts(document: LessonDocument, selection: CalloutSelection): LessonCallout[] {
  const chosen = document.callouts.filter((callout) =>
    selection === 'all' ? true : selection === 'burned' ? callout.burnIn : !callout.burnIn,
  );
  return placeCallouts(document.editList, chosen)
    .filter((placed) => !placed.removed)
    .map((placed) => ({
      id: placed.id,
      kind: placed.kind,
      text: placed.text,
      lessonStart: placed.lessonStart,
      lessonEnd: placed.lessonEnd,
      box: placed.box,
    }))
    .sort((a, b) => Number(b.kind === 'blur') - Number(a.kind === 'blur'));
}

/** Callouts that are burned in, in output pixels. */
export function planCallouts(document: LessonDocument, frame: FrameSize): PlannedCallout[] {
  return lessonCallouts(document, 'burned').map((callout) => calloutInPixels(callout, frame));
}

/** A callout on a frame of `frame` pixels: boxes normalised to a positive size; an arrow keeps its direction. */
export function calloutInPixels(callout: LessonCallout, frame: FrameSize): PlannedCallout {
  const { box, ...rest } = callout;
  return { ...rest, ...boxInPixels(callout.kind, box, frame) };
}

export function boxInPixels(kind: CalloutKind, box: Callout['box'], frame: FrameSize): PixelBox {
  const { x, y, w, h } = box;
  if (kind === 'arrow') return { x: x * frame.width, y: y * frame.height, w: w * frame.width, h: h * frame.height };
  const left = Math.min(x, x + w);
  const top = Math.min(y, y + h);
  return { x: left * frame.width, y: top * frame.height, w: Math.abs(w) * frame.width, h: Math.abs(h) * frame.height };
}

/** The callouts showing at a lesson time. */
export function calloutsAt<C extends Pick<LessonCallout, 'lessonStart' | 'lessonEnd'>>(
  callouts: readonly C[],
  lessonMs: number,
): C[] {
  return callouts.filter((callout) => callout.lessonStart <= lessonMs && lessonMs < callout.lessonEnd);
}
