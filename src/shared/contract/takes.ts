import { z } from 'zod';
import { call, defineService } from './define';
import { idSchema, libraryViewSchema, titleSchema } from '../library/schemas';
import { takeSchema } from '../media/takes';

export const takesService = defineService(
  'takes',
  {
    list: call(z.object({ lessonId: idSchema, view: libraryViewSchema.default('active') }), z.array(takeSchema)),
    rename: call(z.object({ id: idSchema, title: titleSchema }), takeSchema),
    /** The take the lesson is edited and published from. */
    setActive: call(z.object({ id: idSchema }), takeSchema),
    trash: call(z.object({ id: idSchema }), takeSchema),
    restore: call(z.object({ id: idSchema }), takeSchema),
  },
  {
    onDidChange: z.object({ lessonId: idSchema }),
  },
);
