import { z } from 'zod';
import { call, defineService } from './define';
import { descriptionSchema, idSchema, libraryViewSchema, projectSchema, projectSortSchema, titleSchema } from '../library/schemas';

const byId = z.object({ id: idSchema });

export const projectsService = defineService(
  'projects',
  {
    list: call(
      z.object({
        view: libraryViewSchema.default('active'),
        query: z.string().max(200).default(''),
        sort: projectSortSchema.default('updated'),
      }),
      z.array(projectSchema),
    ),
    get: call(byId, projectSchema),
    create: call(z.object({ title: titleSchema, description: descriptionSchema.default('') }), projectSchema),
    update: call(
      z
        .object({ id: idSchema, title: titleSchema.optional(), description: descriptionSchema.optional() })
        .refine((input) => input.title !== undefined || input.description !== undefined, {
          error: 'Give a title or a description to change',
        }),
      projectSchema,
    ),
    duplicate: call(byId, projectSchema),
    trash: call(byId, projectSchema),
    restore: call(byId, projectSchema),
    emptyTrash: call(z.object({}), z.object({ projects: z.number().int(), lessons: z.number().int() })),
  },
  {
    /** Something in the library changed; `projectId` is null when several projects did. */
    onDidChange: z.object({ projectId: idSchema.nullable() }),
  },
);
