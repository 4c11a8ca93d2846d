import { z } from 'zod';
import { stripBidiControls } from './text';
import { truncateCodePoints } from '../format/text';

export const TITLE_MAX = 200;
export const DESCRIPTION_MAX = 2000;

export const idSchema = z.uuid({ error: 'Not a valid id' });

/** As a title is stored: bidi controls dropped (see text.ts), inner runs of white space folded, trimmed. */
function cleanTitle(value: string): string {
  return stripBidiControls(value).replace(/\s+/g, ' ').trim();
}

/** Titles are cleaned, so "  Ch 1 " and "Ch 1" are the same title. */
export const titleSchema = z
  .string({ error: 'A title is required' })
  .transform(cleanTitle)
  .pipe(
    z
      .string()
      .min(1, { error: 'A title is required' })
      .max(TITLE_MAX, { error: `A title is at most ${TITLE_MAX} characters` }),
  );

/**
 * A title the studio makes up from something the teacher did not type as a title (an imported file's name): cut to
 * the limit rather than refused, since there is no title field to correct. Empty means "choose one".
 */
export const suggestedTitleSchema = z
  .string()
  .transform((value) => truncateCodePoints(cleanTitle(value), TITLE_MAX).trimEnd());

export const descriptionSchema = z
  .string()
  .transform(stripBidiControls)
  .pipe(
    z
      .string()
      .trim()
      .max(DESCRIPTION_MAX, { error: `A description is at most ${DESCRIPTION_MAX} characters` }),
  );

export const timestampSchema = z.number().int().nonnegative();

export const projectSchema = z.object({
  id: idSchema,
  title: z.string(),
  description: z.string(),
  lessonCount: z.number().int().nonnegative(),
  createdAt: timestampSchema,
  updatedAt: timestampSchema,
  trashedAt: timestampSchema.nullable(),
});
export type Project = z.infer<typeof projectSchema>;

export const lessonSchema = z.object({
  id: idSchema,
  projectId: idSchema,
  title: z.string(),
  position: z.number().int().nonnegative(),
  createdAt: timestampSchema,
  updatedAt: timestampSchema,
  trashedAt: timestampSchema.nullable(),
});
export type Lesson = z.infer<typeof lessonSchema>;

export const projectSortSchema = z.enum(['updated', 'title']);
export type ProjectSort = z.infer<typeof projectSortSchema>;

export const libraryViewSchema = z.enum(['active', 'trash']);
export type LibraryView = z.infer<typeof libraryViewSchema>;
