import { z } from 'zod';
import { call, defineService } from './define';
import { idSchema, suggestedTitleSchema } from '../library/schemas';
import {
  chunkBytesSchema,
  interruptedTakeSchema,
  recordingMimeSchema,
  takeSchema,
  trackRoleSchema,
} from '../media/takes';

const takeRef = z.object({ takeId: idSchema });

/**
 * Write-ahead recording: a take exists on disk (status `recording`) before its first byte, every chunk is appended
 * to a `.part` file as it arrives, and `finish` turns the parts into the take. Imports use the same path; a file browsers cannot play is converted then.
 */
export const recordingsService = defineService(
  'recordings',
  {
    start: call(
      z.object({
        lessonId: idSchema,
        origin: z.enum(['recorded', 'imported']).default('recorded'),
        /** An import's file name; cut to fit, never refused (the teacher typed no title). */
        title: suggestedTitleSchema.optional(),
        tracks: z
          .array(z.object({ role: trackRoleSchema, mimeType: recordingMimeSchema }))
          .min(1, { error: 'Choose at least one source to record' })
          .refine((tracks) => new Set(tracks.map((track) => track.role)).size === tracks.length, {
            error: 'Each source once',
          }),
      }),
      z.object({ takeId: idSchema }),
    ),
    appendChunk: call(
      z.object({
        takeId: idSchema,
        role: trackRoleSchema,
        /** 0, 1, 2, ... per track; a gap or a repeat is refused so a lost chunk is noticed, not papered over. */
        index: z.number().int().nonnegative(),
        /** Recorded time up to the end of this chunk, on the take's clock, pauses excluded. */
        atMs: z.number().int().nonnegative(),
        data: chunkBytesSchema,
      }),
      z.object({ bytes: z.number().int().nonnegative() }),
    ),
    /** Sent while paused (no chunks flow) so a live take is never mistaken for an interrupted one. */
    heartbeat: call(takeRef, z.object({})),
    finish: call(
      z.object({
        takeId: idSchema,
        tracks: z.array(z.object({ role: trackRoleSchema, startOffsetMs: z.number().int().nonnegative() })).default([]),
      }),
      takeSchema,
    ),
    discard: call(takeRef, z.object({})),
    listInterrupted: call(z.object({}), z.array(interruptedTakeSchema)),
    recover: call(takeRef, takeSchema),
  },
  {
    /**
     * While `finish` converts a file browsers cannot play (a long job: ffmpeg.wasm runs near real time), about ten
     * times a second. `discard` on the take cancels the conversion.
     */
    onDidProgress: z.object({
      takeId: idSchema,
      phase: z.literal('converting'),
      percent: z.number().min(0).max(100),
      /** Multiple of real time; null until ffmpeg has measured it. */
      speed: z.number().nonnegative().nullable(),
    }),
  },
);
