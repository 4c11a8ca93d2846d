import { z } from 'zod';
import { call, defineService } from './define';
import { idSchema } from '../library/schemas';

/** A file the teacher can take out of the library: a render, or a published export (a zip or a web folder). */
export const libraryFileSchema = z.discriminatedUnion('kind', [
  z.object({ kind: z.literal('render'), renderId: idSchema }),
  z.object({
    kind: z.literal('export'),
    /** As the publish job answered it: `<project id>/exports/<name>`, relative to the media root. */
    path: z
      .string()
      .max(500)
      .regex(/^[0-9a-f-]{36}\/exports\/[^/\\]+$/, { error: 'Not an export of this library' }),
  }),
]);
export type LibraryFile = z.infer<typeof libraryFileSchema>;

/** Save as…: the file, and for a render whether its copy carries the lesson's captions as subtitle tracks. */
export const saveAsInputSchema = z.intersection(libraryFileSchema, z.object({ captions: z.boolean().optional() }));

const savedSchema = z.object({ outcome: z.literal('saved'), path: z.string() });
const downloadSchema = z.object({ outcome: z.literal('download'), mediaPath: z.string(), fileName: z.string() });

export const saveAsOutcomeSchema = z.discriminatedUnion('outcome', [
  /** Copied where the teacher chose (the desktop app's save dialog). */
  savedSchema,
  z.object({ outcome: z.literal('cancelled') }),
  /** No save dialog here (the browser host): the page downloads the media path under this name instead. */
  downloadSchema,
  /** A copy with captions takes a while: it goes on as this job, with `onDidProgress`, `status` and `cancel`. */
  z.object({ outcome: z.literal('saving'), jobId: idSchema }),
]);
export type SaveAsOutcome = z.infer<typeof saveAsOutcomeSchema>;

export const saveJobSchema = z.object({
  jobId: idSchema,
  state: z.enum(['running', 'done', 'failed', 'cancelled']),
  /** 0..1 of the render copied. */
  fraction: z.number().min(0).max(1),
  /** Once done: where it was saved, or what the page downloads. */
  result: z.discriminatedUnion('outcome', [savedSchema, downloadSchema]).nullable(),
  error: z.string().nullable(),
});
export type SaveJob = z.infer<typeof saveJobSchema>;

/** The captions a render's copy can carry (the lesson's as they are now), or why it cannot carry them. */
export const renderCaptionsSchema = z.object({
  tracks: z.array(z.object({ label: z.string(), srclang: z.string() })),
  unavailable: z.string().nullable(),
});
export type RenderCaptionsInfo = z.infer<typeof renderCaptionsSchema>;

const jobRef = z.object({ jobId: idSchema });

export const filesService = defineService(
  'files',
  {
    saveAs: call(saveAsInputSchema, saveAsOutcomeSchema),
    /** Shows the file in the operating system's file manager; `shown: false` where there is none. */
    reveal: call(libraryFileSchema, z.object({ shown: z.boolean() })),
    renderCaptions: call(z.object({ renderId: idSchema }), renderCaptionsSchema),
    status: call(jobRef, saveJobSchema),
    /** Stops a save with captions; its part is removed, and nothing appears where the teacher chose. */
    cancel: call(jobRef, z.object({})),
  },
  { onDidProgress: saveJobSchema },
);
