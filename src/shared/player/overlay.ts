import { z } from 'zod';
import { calloutKindSchema, calloutSchema, cameraLayoutSchema, type LessonDocument } from '../editor/document';
import type { KeptSpan } from '../timeline/mapping';
import { shownRanges } from '../render/bubbleShown';
import { lessonCallouts, type CalloutSelection } from '../render/callouts';

const ms = z.number().int().nonnegative();
const range = z
  .object({ start: ms, end: ms })
  .refine((r) => r.start < r.end, { error: 'A range must end after it starts' });

/** A callout the player draws over the video, in lesson time; its box in fractions of the picture. */
export const overlayCalloutSchema = z
  .object({
    id: z.string().min(1).max(64),
    kind: calloutKindSchema,
    text: z.string().max(500),
    lessonStart: ms,
    lessonEnd: ms,
    box: calloutSchema.shape.box,
  })
  .refine((callout) => callout.lessonStart < callout.lessonEnd, {
    error: 'A callout must end after it starts',
    path: ['lessonEnd'],
  });
export type OverlayCallout = z.infer<typeof overlayCalloutSchema>;

/**
 * The camera bubble the player draws over the screen video (when the package carries the camera apart): where the
 * teacher placed it, and the lesson-time ranges in which it shows.
 */
export const bubbleSchema = cameraLayoutSchema.omit({ hidden: true }).extend({ shown: z.array(range).max(2_000) });
export type Bubble = z.infer<typeof bubbleSchema>;

export interface PackageOverlay {
  readonly bubble?: Bubble;
  readonly callouts: OverlayCallout[];
}

/**
 * What the player draws over the picture, from the document: the bubble when a camera file comes with the screen,
 * and the callouts the picture does not already carry. The same pure functions place them as the render does.
 */
export function packageOverlay(
  document: LessonDocument,
  spans: readonly KeptSpan[],
  options: { readonly camera: boolean; readonly callouts: CalloutSelection },
): PackageOverlay {
  const callouts = lessonCallouts(document, options.callouts);
  if (!options.camera) return { callouts };
  const { placement, size, shape, hidden } = document.layout;
  return { bubble: { placement, size, shape, shown: shownRanges(hidden, spans) }, callouts };
}
