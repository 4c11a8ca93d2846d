import { z } from 'zod';
import {
  checkpointSchema,
  lessonRulesSchema,
  CHECKPOINTS_MAX,
  openCheckpoint,
  rewatchTarget,
  sealCheckpoint,
  sealedCheckpointSchema,
  type Checkpoint,
  type LessonRules,
  type OpenedCheckpoint,
} from '../checkpoints';
import type { LessonDocument } from '../editor/document';
import type { CalloutSelection } from '../render/callouts';
import { createLessonMap, editListSchema, placeAnchors, type EditList } from '../timeline';
import { bubbleSchema, overlayCalloutSchema, packageOverlay } from './overlay';

/** Bumped when a player could no longer read an older package; the player refuses versions it does not know. */
export const LESSON_FORMAT_VERSION = 1;

const ms = z.number().int().nonnegative();
const label = z.string().trim().min(1).max(100);
/** Checked again against the page's own address by the player (`checkMediaUrl`); here only its shape. */
const url = z.string().min(1).max(2000);

export const renditionSchema = z.object({
  label,
  src: url,
  /** A MIME type with optional codecs, as `canPlayType` reads it: "video/mp4", "audio/mp4; codecs=mp4a.40.2". */
  type: z
    .string()
    .regex(/^(video|audio)\/[\w.+-]+(\s*;.{0,200})?$/, { error: 'A rendition type is a video/ or audio/ MIME type' }),
  width: z.number().int().positive().max(16_384).optional(),
  height: z.number().int().positive().max(16_384).optional(),
});
export type Rendition = z.infer<typeof renditionSchema>;

export const captionTrackSchema = z.object({
  label,
  srclang: z.string().regex(/^[A-Za-z]{2,3}(-[A-Za-z0-9]{1,8}){0,4}$/),
  src: url,
});
export type CaptionTrack = z.infer<typeof captionTrackSchema>;

/**
 * The camera recorded apart, which the player shows as the bubble over the screen (packages that leave the
 * compositing to the player, and the editor's preview). `offsetMs`: how far the camera's own clock runs behind the
 * screen's, so camera time = screen media time − offsetMs.
 */
export const cameraMediaSchema = renditionSchema.extend({
  offsetMs: z.number().int().min(-3_600_000).max(3_600_000).default(0),
});

export const lessonMediaSchema = z.object({
  renditions: z.array(renditionSchema).min(1).max(12),
  poster: url.optional(),
  captions: z.array(captionTrackSchema).max(20).default([]),
  camera: cameraMediaSchema.optional(),
  /** Only in the editor's preview: `src` is then the unrendered take, played in lesson time through this list. */
  sourceEditList: editListSchema.optional(),
});
export type LessonMediaInput = z.input<typeof lessonMediaSchema>;

export const chapterSchema = z.object({
  id: z.string().min(1).max(64),
  title: z.string().max(200),
  note: z.string().max(2000),
  lessonMs: ms,
});
export type Chapter = z.infer<typeof chapterSchema>;

/**
 * The lesson's notes, compiled to static HTML at publish time (never MDX: the player compiles and runs nothing). The
 * player still copies only allow-listed markup into the page (src/player/ui/notesView.ts). `formulas` says KaTeX's
 * style sheet and fonts are in the package (notes/katex/).
 */
export const lessonNotesSchema = z.object({ html: z.string().max(4_000_000), formulas: z.boolean() });
export type LessonNotes = z.infer<typeof lessonNotesSchema>;

/**
 * A checkpoint placed on the lesson. `rewatchMs` is `rewatchTarget` worked out at publish time, because an export
 * carries no edit list to map a source time through.
 */
const placement = z.object({ lessonMs: ms, rewatchMs: ms.nullable() });
export const packagedCheckpointSchema = z.intersection(checkpointSchema, placement);
/** As lesson.json stores it: plain (the editor's preview), or sealed with its answer key hashed (every export). */
const storedCheckpointSchema = z.union([packagedCheckpointSchema, z.intersection(sealedCheckpointSchema, placement)]);
/** As the player works with it: opened, short answers scored through their key when the package was sealed. */
export type PackagedCheckpoint = OpenedCheckpoint & { lessonMs: number; rewatchMs: number | null };

/** lesson.json as written and read: see {@link LessonPackage} for what the player works with. */
export const storedLessonPackageSchema = z
  .object({
    formatVersion: z.literal(LESSON_FORMAT_VERSION, { error: 'This lesson was made by a newer Flipside Studio' }),
    id: z.string().min(1).max(64),
    title: z.string().max(300),
    description: z.string().max(5000).default(''),
    language: z.string().regex(/^[A-Za-z]{2,3}(-[A-Za-z0-9]{1,8}){0,4}$/, {
      error: 'The language is a BCP 47 tag such as "en" or "fr-CA"',
    }),
    durationMs: z.number().int().positive(),
    media: lessonMediaSchema,
    chapters: z.array(chapterSchema).max(500).default([]),
    checkpoints: z.array(storedCheckpointSchema).max(CHECKPOINTS_MAX).default([]),
    /** Where the player draws the camera bubble, when `media.camera` is there. */
    bubble: bubbleSchema.optional(),
    /** The callouts the player draws over the picture (those the video does not carry burned in). */
    callouts: z.array(overlayCalloutSchema).max(2_000).default([]),
    /** The salt of the sealed checkpoints' answer keys; absent when none is sealed. */
    keySalt: z
      .string()
      .regex(/^[0-9a-f]{8,64}$/)
      .optional(),
    rules: lessonRulesSchema,
    notes: lessonNotesSchema.optional(),
  })
  .refine(
    (lesson) => new Set(lesson.checkpoints.map((checkpoint) => checkpoint.id)).size === lesson.checkpoints.length,
    {
      error: 'Two checkpoints have the same id',
      path: ['checkpoints'],
    },
  )
  .refine(
    (lesson) => [...lesson.chapters, ...lesson.checkpoints].every((point) => point.lessonMs <= lesson.durationMs),
    {
      error: 'A chapter or checkpoint lies after the end of the lesson',
      path: ['durationMs'],
    },
  )
  .refine(
    (lesson) => lesson.keySalt !== undefined || lesson.checkpoints.every((checkpoint) => !('key' in checkpoint)),
    {
      error: 'The answer key has no salt',
      path: ['keySalt'],
    },
  );
export type StoredLessonPackage = z.output<typeof storedLessonPackageSchema>;
export type LessonPackageInput = z.input<typeof storedLessonPackageSchema>;

/** The lesson as the player works with it: every checkpoint opened. */
export type LessonPackage = Omit<StoredLessonPackage, 'checkpoints' | 'keySalt'> & {
  checkpoints: PackagedCheckpoint[];
};

/** Parses lesson.json and opens its answer key: what the player does with every package it is given. */
export const lessonPackageSchema = storedLessonPackageSchema.transform(({ keySalt, ...lesson }): LessonPackage => ({
  ...lesson,
  checkpoints: lesson.checkpoints.map((checkpoint) => {
    const { lessonMs, rewatchMs } = checkpoint;
    return { ...openCheckpoint(checkpoint, keySalt ?? ''), lessonMs, rewatchMs };
  }),
}));

/**
 * The package as an export writes it: every answer key hashed with `salt` (see answerKey.ts for what stays readable).
 * Numeric answers are kept as they are.
 */
export function sealLessonPackage(lesson: LessonPackage, salt: string): StoredLessonPackage {
  return {
    ...lesson,
    keySalt: salt,
    checkpoints: lesson.checkpoints.map(({ lessonMs, rewatchMs, answerKey: _key, ...checkpoint }) => ({
      ...sealCheckpoint(checkpoint, salt),
      lessonMs,
      rewatchMs,
    })),
  };
}

export interface BuildLessonInput {
  readonly title: string;
  readonly description?: string;
  readonly language: string;
  readonly document: LessonDocument;
  /** In source time, as stored; those inside a cut are left out. */
  readonly checkpoints: readonly Checkpoint[];
  readonly rules: LessonRules;
  readonly media: Omit<LessonMediaInput, 'sourceEditList'>;
  /** The editor's preview plays the unrendered take, so the player needs the edit list to skip the cuts. */
  readonly preview?: boolean;
  readonly notes?: LessonNotes | null;
  /**
   * Which callouts the player draws: those not burned in over a render (the default), all of them over a picture with
   * none burned in (the recording, or a package whose player composites).
   */
  readonly callouts?: CalloutSelection;
}

/**
 * The package the player is given, from what the teacher edited. Pure: publish writes the result as lesson.json (and
 * lesson.js), the editor's preview hands it to `mountPlayer` directly. Throws a ZodError when the result would not
 * pass the player's own check, so nothing unplayable is ever written.
 */
export function buildLessonPackage(input: BuildLessonInput): LessonPackage {
  const { document } = input;
  const editList: EditList = document.editList;
  const map = createLessonMap(editList);
  const markers = placeAnchors(editList, document.markers);
  const chapters = markers
    .filter((marker) => !marker.removed)
    .sort((a, b) => a.lessonMs - b.lessonMs)
    .map(({ id, title, note, lessonMs }) => ({ id, title, note, lessonMs: Math.min(lessonMs, map.duration) }));
  // The teacher's order is kept: suspend data refers to checkpoints by their index in this list.
  const checkpoints = placeAnchors(editList, input.checkpoints)
    .filter((checkpoint) => !checkpoint.removed)
    .map(({ removed: _removed, ...checkpoint }) => ({
      ...checkpoint,
      rewatchMs: rewatchTarget(checkpoint, markers, map),
    }));
  const candidate: LessonPackageInput = {
    formatVersion: LESSON_FORMAT_VERSION,
    id: document.lessonId,
    title: input.title,
    description: input.description ?? '',
    language: input.language,
    durationMs: map.duration,
    media: input.preview ? { ...input.media, sourceEditList: editList } : { ...input.media },
    chapters,
    checkpoints,
    ...packageOverlay(document, map.spans, {
      camera: input.media.camera !== undefined,
      callouts: input.callouts ?? 'overlaid',
    }),
    rules: input.rules,
    ...(input.notes ? { notes: input.notes } : {}),
  };
  return lessonPackageSchema.parse(candidate);
}
