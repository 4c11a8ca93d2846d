import { z } from 'zod';
import { call, defineService } from './define';
import { idSchema } from '../library/schemas';
import { publishFormatSchema, publishSettingsSchema } from '../publish/options';
import { publishRecordSchema } from '../publish/history';

const jobRef = z.object({ jobId: idSchema });

export const publishRenditionSchema = z.object({
  renderId: idSchema,
  label: z.string(),
  width: z.number().int().nullable(),
  height: z.number().int().nullable(),
  sizeBytes: z.number().int().nonnegative(),
  /** Made from the document as it is now; only these can be published. */
  upToDate: z.boolean(),
});
export type PublishRendition = z.infer<typeof publishRenditionSchema>;

export const publishStageSchema = z.enum(['preparing', 'writing', 'checking', 'uploading', 'done']);

export const publishJobSchema = z.object({
  jobId: idSchema,
  lessonId: idSchema,
  state: z.enum(['running', 'done', 'failed', 'cancelled']),
  stage: publishStageSchema,
  /** 0..1 of the bytes to write. */
  fraction: z.number().min(0).max(1),
  output: z
    .object({
      /** Relative to the media root, so the browser host can serve it (a zip to download, a folder's index.html to open). */
      path: z.string(),
      name: z.string(),
      /** What the package is for, so the done view says where it goes. */
      format: publishFormatSchema,
      kind: z.enum(['zip', 'folder', 'classServer']),
      sizeBytes: z.number().int().nonnegative(),
      /** On the class server: the address learners open, and the version this publish made. */
      lessonUrl: z.string().optional(),
      version: z.number().int().positive().optional(),
    })
    .nullable(),
  error: z.string().nullable(),
});
export type PublishJob = z.infer<typeof publishJobSchema>;

export const publishService = defineService(
  'publish',
  {
    /** What the dialog starts from: the lesson's settings and every ready render, marked up to date or not. */
    options: call(
      z.object({ lessonId: idSchema }),
      z.object({
        defaults: publishSettingsSchema.omit({ format: true, renderIds: true, video: true }),
        renditions: z.array(publishRenditionSchema),
        checkpointCount: z.number().int().nonnegative(),
        /**
         * Whether the player can draw the camera over the cut recording (`video: 'player'`): the take's codecs allow
         * copying it; `reason` says why not. Copying may still be refused when cutting begins (frames out of order).
         */
        playerVideo: z.object({ possible: z.boolean(), reason: z.string().nullable() }),
        /** The project's lessons in order, which a cmi5 course of the whole project holds. */
        courseLessonIds: z.array(idSchema),
        /** A Common Cartridge holds the whole project, so its title starts as the project's. */
        cartridgeTitle: z.string(),
        /** The same lessons as a Common Cartridge links them: each one's class-server address, null if not there. */
        cartridgeLessons: z.array(
          z.object({ lessonId: idSchema, title: z.string(), lessonUrl: z.string().nullable() }),
        ),
      }),
    ),
    /** A `player` package needs the lessons' layers made first (`cuts.prepare` with `layers`, then `cuts.run`). */
    start: call(
      publishSettingsSchema
        .extend({ lessonId: idSchema })
        // A cartridge may name none: its lessons are linked, or take their newest up-to-date renders.
        .refine(
          (settings) => settings.video !== 'renders' || settings.renderIds.length > 0 || settings.format === 'cc',
          {
            error: 'Choose at least one rendition',
            path: ['renderIds'],
          },
        ),
      z.object({ jobId: idSchema }),
    ),
    cancel: call(jobRef, z.object({})),
    status: call(jobRef, publishJobSchema),
    /** What the lesson published, newest first; Save as… and Show in folder are the `files` service's. */
    history: call(z.object({ lessonId: idSchema }), z.array(publishRecordSchema)),
    /** Deletes an entry of the history and its package from the library (never a copy saved elsewhere). */
    remove: call(z.object({ id: idSchema }), z.object({})),
  },
  {
    onDidProgress: publishJobSchema,
    /** A publish finished or an entry was deleted. */
    onDidChangeHistory: z.object({ lessonId: idSchema }),
  },
);
