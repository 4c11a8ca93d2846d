import { z } from 'zod';
import { idSchema } from '../library/schemas';
import { stripBidiControls } from '../library/text';
import { editListSchema } from '../timeline/editList';
import { checkpointSchema, CHECKPOINTS_MAX, lessonRulesSchema } from '../checkpoints/schema';
import { CAPTION_TRACKS_MAX, CUES_MAX, captionCueSchema, captionTrackInfoSchema } from '../captions/model';
import { notesSourceSchema } from '../notes/source';

const ms = z.number().int().nonnegative();
/** Positions on the frame are fractions of its width and height, so they survive any rendition size. */
const fraction = z.number().min(0).max(1);

export const markerSchema = z.object({
  id: idSchema,
  sourceMs: ms,
  title: z
    .string()
    .transform(stripBidiControls)
    .pipe(
      z
        .string()
        .trim()
        .min(1, { error: 'A key moment needs a title' })
        .max(120, { error: 'A title is at most 120 characters' }),
    ),
  note: z.string().max(2000, { error: 'A note is at most 2000 characters' }).default(''),
});
export type Marker = z.infer<typeof markerSchema>;

export const calloutKindSchema = z.enum(['text', 'arrow', 'highlight', 'blur']);
export type CalloutKind = z.infer<typeof calloutKindSchema>;

export const calloutSchema = z
  .object({
    id: idSchema,
    kind: calloutKindSchema,
    sourceStart: ms,
    sourceEnd: ms,
    /** The box for text, highlight and blur; for an arrow, its tail is (x, y) and its head (x + w, y + h). */
    box: z.object({ x: fraction, y: fraction, w: z.number().min(-1).max(1), h: z.number().min(-1).max(1) }),
    text: z.string().max(500, { error: 'A callout’s text is at most 500 characters' }).default(''),
    /** Drawn into the rendered video; otherwise only the player overlays it. */
    burnIn: z.boolean().default(true),
  })
  .refine((callout) => callout.sourceStart < callout.sourceEnd, {
    error: 'A callout must end after it starts',
    path: ['sourceEnd'],
  });
export type Callout = z.infer<typeof calloutSchema>;

export const bubbleCornerSchema = z.enum(['top-left', 'top-right', 'bottom-left', 'bottom-right']);

/** Where the camera bubble sits over the screen, as the preview and the render both draw it. */
export const cameraLayoutSchema = z.object({
  placement: z.discriminatedUnion('kind', [
    z.object({ kind: z.literal('corner'), corner: bubbleCornerSchema }),
    z.object({ kind: z.literal('free'), x: fraction, y: fraction }),
  ]),
  /** The bubble's width as a fraction of the frame's width. */
  size: z.number().min(0.08).max(0.6),
  shape: z.enum(['circle', 'rounded']),
  /** Source ranges where the bubble is hidden (the teacher showing something full-screen). */
  hidden: z.array(z.object({ start: ms, end: ms })).default([]),
});
export type CameraLayout = z.infer<typeof cameraLayoutSchema>;

export const DEFAULT_CAMERA_LAYOUT: CameraLayout = {
  placement: { kind: 'corner', corner: 'bottom-right' },
  size: 0.22,
  shape: 'circle',
  hidden: [],
};

/** Everything the teacher edits about one take of a lesson, all anchored in the take's source time. */
export const lessonDocumentSchema = z.object({
  lessonId: idSchema,
  takeId: idSchema,
  /** Goes up by one with every saved change; a change made against an older revision is refused. */
  revision: z.number().int().nonnegative(),
  /**
   * The revision of the last change to what a render shows (see changesPicture): a render made at or after it is
   * still the lesson's video. Given by main when the document is opened; not kept up to date by the editor's copy.
   */
  pictureRevision: z.number().int().nonnegative().optional(),
  editList: editListSchema,
  layout: cameraLayoutSchema,
  markers: z.array(markerSchema),
  callouts: z.array(calloutSchema),
  /** The pre-work accountability check: questions anchored on moments of the take. */
  checkpoints: z.array(checkpointSchema).max(CHECKPOINTS_MAX),
  /** The lesson's rules for learners (navigation, mastery, completion, speeds); undoable like any edit. */
  rules: lessonRulesSchema,
  /** The lesson's notes in MDX, stored per lesson like the rules (a new take keeps them); compiled only to publish. */
  notes: notesSourceSchema.default(''),
  /** Captions per language, anchored on this take like the markers. */
  captionTracks: z.array(captionTrackInfoSchema).max(CAPTION_TRACKS_MAX).default([]),
  captionCues: z
    .array(captionCueSchema)
    .max(CUES_MAX * CAPTION_TRACKS_MAX)
    .default([]),
});
export type LessonDocument = z.infer<typeof lessonDocumentSchema>;

/** One saved step: what changed between two documents, so saving costs what the edit touched, not the lesson. */
export const documentChangeSchema = z.object({
  takeId: idSchema,
  baseRevision: z.number().int().nonnegative(),
  editList: editListSchema.optional(),
  layout: cameraLayoutSchema.optional(),
  upsertMarkers: z.array(markerSchema).max(10_000).default([]),
  removeMarkers: z.array(idSchema).max(10_000).default([]),
  upsertCallouts: z.array(calloutSchema).max(10_000).default([]),
  removeCallouts: z.array(idSchema).max(10_000).default([]),
  upsertCheckpoints: z.array(checkpointSchema).max(CHECKPOINTS_MAX).default([]),
  removeCheckpoints: z.array(idSchema).max(10_000).default([]),
  rules: lessonRulesSchema.optional(),
  notes: notesSourceSchema.optional(),
  upsertCaptionTracks: z.array(captionTrackInfoSchema).max(CAPTION_TRACKS_MAX).default([]),
  removeCaptionTracks: z.array(idSchema).max(CAPTION_TRACKS_MAX).default([]),
  upsertCaptionCues: z
    .array(captionCueSchema)
    .max(CUES_MAX * CAPTION_TRACKS_MAX)
    .default([]),
  removeCaptionCues: z
    .array(idSchema)
    .max(CUES_MAX * CAPTION_TRACKS_MAX)
    .default([]),
});
export type DocumentChange = z.infer<typeof documentChangeSchema>;
