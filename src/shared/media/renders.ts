import { z } from 'zod';
import { idSchema, timestampSchema } from '../library/schemas';
import { srclangSchema } from '../captions/schemas';

/** Rendition heights a teacher can choose; `0` is audio only, for learners on slow connections. */
export const renditionSchema = z.union([z.literal(1080), z.literal(720), z.literal(480), z.literal(360), z.literal(0)]);
export type Rendition = z.infer<typeof renditionSchema>;

/** Which captions a render burns in, as the renderer asks for them and the render keeps them. */
export const burnedCaptionsRefSchema = z.object({
  language: srclangSchema,
  key: z.string().regex(/^[0-9a-f]{16}$/),
});

export const renderSchema = z.object({
  id: idSchema,
  lessonId: idSchema,
  takeId: idSchema,
  /** The editor revision this render shows; older than the lesson's current one means it is out of date. */
  revision: z.number().int().nonnegative(),
  status: z.enum(['rendering', 'ready']),
  label: z.string(),
  path: z.string(),
  width: z.number().int().nullable(),
  height: z.number().int().nullable(),
  videoCodec: z.string().nullable(),
  audioCodec: z.string().nullable(),
  durationMs: z.number().int().nonnegative(),
  sizeBytes: z.number().int().nonnegative(),
  createdAt: timestampSchema,
  finishedAt: timestampSchema.nullable(),
  /**
   * The captions burned into the picture (the render option), with the key of the cues drawn (`burnedCaptionsKey`):
   * once that language's captions change, the render no longer shows them. Null when it burned none.
   */
  burnedCaptions: burnedCaptionsRefSchema.nullable(),
});
export type Render = z.infer<typeof renderSchema>;
