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

export const saveAsOutcomeSchema = z.discriminatedUnion('outcome', [
  /** Copied where the teacher chose (the desktop app's save dialog). */
  z.object({ outcome: z.literal('saved'), path: z.string() }),
  z.object({ outcome: z.literal('cancelled') }),
  /** No save dialog here (the browser host): the page downloads the media path under this name instead. */
  z.object({ outcome: z.literal('download'), mediaPath: z.string(), fileName: z.string() }),
]);
export type SaveAsOutcome = z.infer<typeof saveAsOutcomeSchema>;

export const filesService = defineService(
  'files',
  {
    saveAs: call(libraryFileSchema, saveAsOutcomeSchema),
    /** Shows the file in the operating system's file manager; `shown: false` where there is none. */
    reveal: call(libraryFileSchema, z.object({ shown: z.boolean() })),
  },
  {},
);
