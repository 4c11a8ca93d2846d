import { z } from 'zod';
import { call, defineService } from './define';
import { idSchema } from '../library/schemas';
import { CAPTIONS_MAX_BYTES, captionLabelSchema, captionSchema, srclangSchema } from '../captions/schemas';

/** WebVTT files attached to a lesson, one per language, in lesson time. */
export const captionsService = defineService(
  'captions',
  {
    list: call(z.object({ lessonId: idSchema }), z.array(captionSchema)),
    /** `text` is the .vtt file's content; checked by `checkWebVtt` (size in bytes by the service). */
    add: call(
      z.object({
        lessonId: idSchema,
        label: captionLabelSchema,
        srclang: srclangSchema,
        text: z.string().max(CAPTIONS_MAX_BYTES, { error: 'A captions file may be at most 2 MB' }),
      }),
      captionSchema,
    ),
    remove: call(z.object({ id: idSchema }), z.object({})),
  },
  {
    onDidChange: z.object({ lessonId: idSchema }),
  },
);
