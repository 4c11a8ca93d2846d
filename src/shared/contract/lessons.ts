import { z } from 'zod';
import { call, defineService } from './define';
import { idSchema, lessonSchema, libraryViewSchema, projectSchema, titleSchema } from '../library/schemas';

const byId = z.object({ id: idSchema });

export const lessonsService = defineService(
  'lessons',
  {
    list: call(z.object({ projectId: idSchema, view: libraryViewSchema.default('active') }), z.array(lessonSchema)),
    /** A lesson with its project, from the lesson's id alone (a screen opened by address). */
    get: call(byId, z.object({ lesson: lessonSchema, project: projectSchema })),
    add: call(z.object({ projectId: idSchema, title: titleSchema }), lessonSchema),
    rename: call(z.object({ id: idSchema, title: titleSchema }), lessonSchema),
    /** Moves a lesson to `toIndex` among its project's lessons; answers the new order. */
    move: call(z.object({ id: idSchema, toIndex: z.number().int().nonnegative() }), z.array(lessonSchema)),
    trash: call(byId, lessonSchema),
    restore: call(byId, lessonSchema),
  },
  {
    onDidChange: z.object({ projectId: idSchema }),
  },
);
