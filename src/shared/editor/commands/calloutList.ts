import { EditRefusedError } from '../../timeline/editList';
import type { Callout, CalloutKind, LessonDocument } from '../document';
import { sortCallouts } from '../ordering';

export type CalloutBox = Callout['box'];

/** The smallest box a callout can be shrunk to, as a fraction of the frame, so it can still be grabbed. */
export const MIN_BOX = 0.02;

export const CALLOUT_NAMES: Record<CalloutKind, string> = {
  text: 'text',
  arrow: 'arrow',
  highlight: 'highlight',
  blur: 'blur',
};

export function findCallout(doc: LessonDocument, id: string): Callout {
  const callout = doc.callouts.find((item) => item.id === id);
  if (!callout) throw new EditRefusedError('That callout no longer exists');
  return callout;
}

export function replaceCallout(doc: LessonDocument, next: Callout): LessonDocument {
  return { ...doc, callouts: sortCallouts(doc.callouts.map((item) => (item.id === next.id ? next : item))) };
}

const clamp = (value: number, low: number, high: number) => Math.min(Math.max(value, low), high);
const round = (value: number) => Math.round(value * 10_000) / 10_000;

/**
 * Keeps a callout on the frame: a box's size is at least MIN_BOX and at most the frame, and it is moved inside;
 * an arrow's tail and head both stay on the frame (its w, h may be negative: the head is up or left of the tail).
 */
export function fitBox(kind: CalloutKind, box: CalloutBox): CalloutBox {
  if (kind === 'arrow') {
    const x = clamp(box.x, 0, 1);
    const y = clamp(box.y, 0, 1);
    return { x: round(x), y: round(y), w: round(clamp(box.w, -x, 1 - x)), h: round(clamp(box.h, -y, 1 - y)) };
  }
  const w = clamp(Math.abs(box.w), MIN_BOX, 1);
  const h = clamp(Math.abs(box.h), MIN_BOX, 1);
  return { x: round(clamp(box.x, 0, 1 - w)), y: round(clamp(box.y, 0, 1 - h)), w: round(w), h: round(h) };
}
