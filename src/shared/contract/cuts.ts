import { z } from 'zod';
import { call, defineService } from './define';
import { idSchema } from '../library/schemas';
import { chunkBytesSchema } from '../media/takes';
import { renditionSchema } from '../media/renders';

/** The most packets one piece may hold: a group of pictures at the longest keyframe spacing a recording may have. */
const PIECE_PACKETS_MAX = 2_000;

/**
 * One stretch of a smart cut that must be re-encoded: the frames from a kept part's start up to its first keyframe.
 * Main copies every other packet itself; only these travel to the renderer's encoder (WebCodecs) and back.
 */
export const cutPieceSchema = z.object({
  index: z.number().int().nonnegative(),
  role: z.enum(['screen', 'camera']),
  /** How to decode `packets`: the recording's codec string and avcC. */
  codec: z.string().min(1).max(100),
  description: chunkBytesSchema,
  width: z.number().int().positive().max(16_384),
  height: z.number().int().positive().max(16_384),
  bitrate: z.number().int().positive(),
  frameRate: z.number().positive().max(240),
  /** From the keyframe before the kept part (file time, s): all are decoded, those from `keepFrom` encoded again. */
  packets: z
    .array(z.object({ data: chunkBytesSchema, key: z.boolean(), timestamp: z.number() }))
    .min(1)
    .max(PIECE_PACKETS_MAX),
  keepFrom: z.number().int().nonnegative(),
  /** Where each re-encoded frame lands in the lesson (s), and how long it shows. */
  frames: z
    .array(z.object({ timestamp: z.number().nonnegative(), duration: z.number().positive() }))
    .min(1)
    .max(PIECE_PACKETS_MAX),
});
export type CutPiece = z.infer<typeof cutPieceSchema>;

/** A piece as the encoder gave it back: `description` (avcC) on the packets where the encoder gave a new one. */
export const encodedPieceSchema = z.object({
  cutId: idSchema,
  index: z.number().int().nonnegative(),
  packets: z
    .array(
      z.object({
        data: chunkBytesSchema,
        key: z.boolean(),
        timestamp: z.number().nonnegative(),
        duration: z.number().positive(),
        description: chunkBytesSchema.optional(),
      }),
    )
    .min(1)
    .max(PIECE_PACKETS_MAX),
});
export type EncodedPiece = z.infer<typeof encodedPieceSchema>;

/** What a cut makes: the lesson as one file (a render), or the screen and camera apart for the player to composite. */
export const cutTargetSchema = z.discriminatedUnion('kind', [
  z.object({ kind: z.literal('render'), renderId: idSchema, rendition: renditionSchema }),
  z.object({ kind: z.literal('layers'), lessonId: idSchema }),
]);

export const cutOutcomeSchema = z.object({
  /** `copy`: every packet copied as recorded; `smart`: with the frames before kept parts' first keyframes re-encoded. */
  method: z.enum(['copy', 'smart']),
  reencodedFrames: z.number().int().nonnegative(),
  sound: z.enum(['copied', 'none']),
  /** How long each step took (ms), for the render's facts and the bench. */
  timings: z.object({ planMs: z.number(), copyMs: z.number() }),
});
export type CutOutcome = z.infer<typeof cutOutcomeSchema>;

/**
 * Cutting without re-encoding, in main: main reads the take and writes the output directly (mediabunny in Node),
 * the renderer only re-encodes the pieces `prepare` hands it. `prepare` answers `refused` with the reason when the
 * recording cannot be cut so (frames stored out of order, a codec other than H.264, sound that cannot be copied),
 * and for layers `ready` when the lesson's cut files are already made for its edit list.
 */
export const cutsService = defineService(
  'cuts',
  {
    prepare: call(
      cutTargetSchema,
      z.discriminatedUnion('state', [
        z.object({ state: z.literal('cut'), cutId: idSchema, pieces: z.array(cutPieceSchema), durationMs: z.number() }),
        z.object({ state: z.literal('ready') }),
        z.object({ state: z.literal('refused'), reason: z.string() }),
      ]),
    ),
    supply: call(encodedPieceSchema, z.object({})),
    run: call(z.object({ cutId: idSchema }), cutOutcomeSchema),
    cancel: call(z.object({ cutId: idSchema }), z.object({})),
  },
  {
    onDidProgress: z.object({ cutId: idSchema, doneMs: z.number().nonnegative(), durationMs: z.number() }),
  },
);
