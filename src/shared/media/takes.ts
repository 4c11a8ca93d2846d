import { z } from 'zod';
import { idSchema, timestampSchema } from '../library/schemas';

/** A take keeps screen and camera as separate files on one clock, so the camera bubble can be placed later. */
export const trackRoleSchema = z.enum(['screen', 'camera', 'audio']);
export type TrackRole = z.infer<typeof trackRoleSchema>;

export const takeStatusSchema = z.enum(['recording', 'ready']);
export const takeOriginSchema = z.enum(['recorded', 'recovered', 'imported']);

export const takeFileSchema = z.object({
  role: trackRoleSchema,
  /** Relative to the media root, with forward slashes: `<projectId>/<takeId>/screen.mp4`. */
  path: z.string(),
  container: z.string(),
  videoCodec: z.string().nullable(),
  audioCodec: z.string().nullable(),
  width: z.number().int().nullable(),
  height: z.number().int().nullable(),
  frameRate: z.number().nullable(),
  durationMs: z.number().int().nonnegative(),
  sizeBytes: z.number().int().nonnegative(),
  /** When this file starts on the take's clock (screen and camera recorders start a few ms apart). */
  startOffsetMs: z.number().int().nonnegative(),
});
export type TakeFile = z.infer<typeof takeFileSchema>;

export const takeSchema = z.object({
  id: idSchema,
  lessonId: idSchema,
  title: z.string(),
  status: takeStatusSchema,
  origin: takeOriginSchema,
  durationMs: z.number().int().nonnegative(),
  files: z.array(takeFileSchema),
  active: z.boolean(),
  createdAt: timestampSchema,
  updatedAt: timestampSchema,
  trashedAt: timestampSchema.nullable(),
});
export type Take = z.infer<typeof takeSchema>;

/** What MediaRecorder produces, as far as the spool cares: the container decides the file's extension. */
export const recordingMimeSchema = z
  .string()
  .max(100)
  .regex(/^(video|audio)\/(mp4|webm|x-matroska|ogg|mpeg|wav|x-wav|quicktime|x-m4a|mp3)(;.*)?$/i, {
    error: 'Not a media type the studio records or imports',
  });

/** The bytes of one MediaRecorder chunk (or one slice of an imported file). */
export const chunkBytesSchema = z
  .instanceof(Uint8Array, { error: 'Chunk data must be bytes' })
  .refine((bytes) => bytes.byteLength <= 32 * 1024 * 1024, {
    error: 'A chunk is at most 32 MiB',
  });

export const interruptedTakeSchema = z.object({
  id: idSchema,
  lessonId: idSchema,
  lessonTitle: z.string(),
  projectTitle: z.string(),
  startedAt: timestampSchema,
  /** How much was safely on disk: the time of the last complete chunk. */
  recordedMs: z.number().int().nonnegative(),
  bytes: z.number().int().nonnegative(),
});
export type InterruptedTake = z.infer<typeof interruptedTakeSchema>;
