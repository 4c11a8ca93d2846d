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

/** The most projects one `list` answers. */
export const PROJECT_PAGE_MAX = 500;

export const projectPageSchema = z.object({
  items: z.array(projectSchema),
  /** How many projects match the query in this view, on every page. */
  total: z.number().int().nonnegative(),
});
export type ProjectPage = z.infer<typeof projectPageSchema>;
const trashCountsSchema = z.object({ projects: z.number().int(), lessons: z.number().int(), takes: z.number().int() });

export const projectsService = defineService(
  'projects',
  {
    /**
     * One page of the projects that match, in order, and how many match in all: the library shows the first page at
     * once and loads more as the teacher scrolls, so 10,000 projects cost no more than a hundred. Pages are read by
     * position (offset), so a list can also be reopened where it was.
     */
    list: call(
      z.object({
        view: libraryViewSchema.default('active'),
        query: z.string().max(200).default(''),
        sort: projectSortSchema.default('updated'),
        offset: z.number().int().nonnegative().default(0),
        limit: z.number().int().min(1).max(PROJECT_PAGE_MAX).default(PROJECT_PAGE_MAX),
      }),
      projectPageSchema,
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
