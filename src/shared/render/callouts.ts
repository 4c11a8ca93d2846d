import type { Callout, CalloutKind, LessonDocument } from '../editor/document';
import type { FrameSize } from '../editor/bubbleGeometry';
import { placeCallouts } from '../timeline/anchors';

/** A burned-in callout in output pixels and lesson time. For an arrow, (x, y) is the tail and (x + w, y + h) the head. */
export interface PlannedCallout {
  readonly id: string;
  readonly kind: CalloutKind;
  readonly text: string;
  readonly lessonStart: number;
  readonly lessonEnd: number;
  readonly x: number;
  readonly y: number;
  readonly w: number;
  readonly h: number;
}

/** Callouts that are burned in and still play, in drawing order: blurs first so nothing drawn later is blurred. */
export function planCallouts(document: LessonDocument, frame: FrameSize): PlannedCallout[] {
  const burned = document.callouts.filter((callout) => callout.burnIn);
  return placeCallouts(document.editList, burned)
    .filter((placed) => !placed.removed)
    .map((placed) => ({
      id: placed.id,
      kind: placed.kind,
      text: placed.text,
      lessonStart: placed.lessonStart,
      lessonEnd: placed.lessonEnd,
      ...pixelsOf(placed, frame),
    }))
    .sort((a, b) => Number(b.kind === 'blur') - Number(a.kind === 'blur'));
}

/** Boxes are normalised to a positive size; an arrow keeps its direction. */
function pixelsOf(callout: Callout, frame: FrameSize): { x: number; y: number; w: number; h: number } {
  const { x, y, w, h } = callout.box;
  if (callout.kind === 'arrow')
    return { x: x * frame.width, y: y * frame.height, w: w * frame.width, h: h * frame.height };
  const left = Math.min(x, x + w);
  const top = Math.min(y, y + h);
  return { x: left * frame.width, y: top * frame.height, w: Math.abs(w) * frame.width, h: Math.abs(h) * frame.height };
}

/** The callouts showing at a lesson time. */
export function calloutsAt(callouts: readonly PlannedCallout[], lessonMs: number): PlannedCallout[] {
  return callouts.filter((callout) => callout.lessonStart <= lessonMs && lessonMs < callout.lessonEnd);
}
