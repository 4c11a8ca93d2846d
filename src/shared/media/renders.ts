import { z } from 'zod';
import { idSchema, timestampSchema } from '../library/schemas';

/** Rendition heights a teacher can choose; `0` is audio only, for learners on slow connections. */
export const renditionSchema = z.union([z.literal(1080), z.literal(720), z.literal(480), z.literal(360), z.literal(0)]);
export type Rendition = z.infer<typeof renditionSchema>;

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
});
export type Render = z.infer<typeof renderSchema>;
