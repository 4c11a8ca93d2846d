import { z } from 'zod';
import { call, defineService } from './define';
import {
  descriptionSchema,
  idSchema,
  libraryViewSchema,
  projectSchema,
  projectSortSchema,
  titleSchema,
} from '../library/schemas';

const byId = z.object({ id: idSchema });
const trashCountsSchema = z.object({ projects: z.number().int(), lessons: z.number().int(), takes: z.number().int() });

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
    /** What "Empty trash" would delete for good: projects, lessons deleted one by one, takes deleted one by one. */
    trashSummary: call(z.object({}), trashCountsSchema.extend({ projectTitles: z.array(z.string()) })),
    emptyTrash: call(z.object({}), trashCountsSchema),
  },
  {
    /** Something in the library changed; `projectId` is null when several projects did. */
    onDidChange: z.object({ projectId: idSchema.nullable() }),
  },
);
