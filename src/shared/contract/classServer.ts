import { z } from 'zod';
import { call, defineService } from './define';
import { idSchema, timestampSchema } from '../library/schemas';
import { classNameSchema } from '../classServer/codes';
import { classResultsSchema, classSummarySchema } from '../classServer/results';

/** What the renderer may know of the connection: never the token. */
export const classServerConnectionSchema = z.object({
  url: z.string(),
  teacherEmail: z.string(),
  teacherName: z.string(),
  checkedAt: timestampSchema,
});
export type ClassServerConnection = z.infer<typeof classServerConnectionSchema>;

export const serverUrlSchema = z
  .string()
  .trim()
  .min(1, { error: 'Give the class server’s address, such as http://192.168.1.20:8080' })
  .max(500)
  .pipe(
    z.url({
      protocol: /^https?$/,
      error: 'The address starts with http:// or https://, such as http://192.168.1.20:8080',
    }),
  );

export const publishedLessonSchema = z.object({
  serverLessonId: idSchema,
  lessonUrl: z.string(),
  version: z.number().int().positive(),
  publishedAt: timestampSchema,
  /** The server it went to: after switching servers, an old entry is shown as such. */
  serverUrl: z.string(),
});
export type PublishedLesson = z.infer<typeof publishedLessonSchema>;

/** An answer from the server or, when it cannot be reached, the last one kept, saying how old it is and why. */
function cached<T extends z.ZodType>(value: T) {
  return z.object({
    value: value.nullable(),
    fetchedAt: timestampSchema.nullable(),
    /** Why this is the kept copy rather than a fresh answer (the server did not answer, or refused). */
    problem: z.string().nullable(),
  });
}

export const cachedResultsSchema = cached(classResultsSchema);
export type CachedResults = z.infer<typeof cachedResultsSchema>;
export const cachedClassesSchema = cached(z.array(classSummarySchema));

export const classroomService = defineService(
  'classroom',
  {
    connection: call(z.object({}), classServerConnectionSchema.nullable()),
    /** Checks the address and token with the server, and keeps them only if it answers that this is a teacher. */
    connect: call(
      z.object({ url: serverUrlSchema, token: z.string().trim().min(1, { error: 'Paste your teacher token' }) }),
      classServerConnectionSchema,
    ),
    disconnect: call(z.object({}), z.object({})),
    published: call(z.object({ lessonId: idSchema }), publishedLessonSchema.nullable()),
    /** A one-time link for the teacher's LMS admin: pasted into the LMS, it registers the server for this teacher. */
    lmsLink: call(z.object({}), z.object({ url: z.string(), expiresAt: timestampSchema })),
    classes: call(z.object({ refresh: z.boolean().default(true) }), cachedClassesSchema),
    createClass: call(z.object({ name: classNameSchema }), classSummarySchema),
    deleteClass: call(z.object({ classId: idSchema }), z.object({ learnersDeleted: z.number().int() })),
    results: call(z.object({ lessonId: idSchema, refresh: z.boolean().default(true) }), cachedResultsSchema),
    deleteLearner: call(z.object({ learnerId: idSchema }), z.object({ eventsDeleted: z.number().int() })),
    /** Saves the records to the library's exports folder; `path` is relative to the media root, as for publish. */
    exportRecords: call(
      z
        .object({ classId: idSchema.optional(), learnerId: idSchema.optional(), format: z.enum(['csv', 'json']) })
        .refine((input) => (input.classId === undefined) !== (input.learnerId === undefined), {
          error: 'Export a class or one learner',
        }),
      z.object({ path: z.string(), name: z.string(), sizeBytes: z.number().int().nonnegative() }),
    ),
  },
  {
    onDidChangeConnection: classServerConnectionSchema.nullable(),
  },
);
