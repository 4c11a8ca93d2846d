import { z } from 'zod';
import { call, defineService } from './define';
import { idSchema } from '../library/schemas';
import { chunkBytesSchema } from '../media/takes';
import { burnedCaptionsRefSchema, renderSchema } from '../media/renders';

const renderRef = z.object({ renderId: idSchema });

/**
 * The renderer encodes; main only stores. Bytes arrive with their file position because an MP4 with its index at
 * the front (fast start) is written with room reserved for the index and that room filled in last.
 */
export const rendersService = defineService(
  'renders',
  {
    start: call(
      z.object({
        lessonId: idSchema,
        takeId: idSchema,
        revision: z.number().int().nonnegative(),
        label: z.string().trim().min(1).max(40),
        extension: z.enum(['mp4', 'm4a', 'webm']),
        /** The captions the render draws into its picture, if any (planRender's `captions`: language and key). */
        burnedCaptions: burnedCaptionsRefSchema.nullable().optional(),
      }),
      z.object({ renderId: idSchema }),
    ),
    write: call(
      z.object({ renderId: idSchema, position: z.number().int().nonnegative(), data: chunkBytesSchema }),
      z.object({}),
    ),
    finish: call(renderRef, renderSchema),
    cancel: call(renderRef, z.object({})),
    list: call(z.object({ lessonId: idSchema }), z.array(renderSchema)),
    remove: call(z.object({ id: idSchema }), z.object({})),
  },
  {
    onDidChange: z.object({ lessonId: idSchema }),
  },
);
