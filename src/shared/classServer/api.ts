import { z } from 'zod';
import { classNameSchema } from './codes';
import { eventBatchResultSchema, eventBatchSchema } from './events';
import { classResultsSchema, classSummarySchema, serverLessonSchema } from './results';

/**
 * The class server's HTTP API, one place for the server, the studio's client and the player's adapter. Paths carry
 * `:name` parameters; bodies and answers are JSON checked by these schemas on both ends. Teachers authenticate with
 * `Authorization: Bearer <teacher token>`, learners with the session token their join (or LTI launch) gave them.
 */
export interface Endpoint<
  B extends z.ZodType | null = z.ZodType | null,
  Q extends z.ZodType | null = z.ZodType | null,
  R extends z.ZodType = z.ZodType,
> {
  readonly method: 'GET' | 'POST' | 'PUT' | 'DELETE';
  readonly path: string;
  readonly auth: 'teacher' | 'learner';
  readonly body: B;
  readonly query: Q;
  readonly response: R;
}

function endpoint<B extends z.ZodType | null, Q extends z.ZodType | null, R extends z.ZodType>(
  definition: Endpoint<B, Q, R>,
): Endpoint<B, Q, R> {
  return definition;
}

export const API_PREFIX = '/api/v1';

export const apiErrorCodeSchema = z.enum([
  'invalid_input',
  'unauthorized',
  'forbidden',
  'not_found',
  'conflict',
  'gone',
  'too_large',
  'rate_limited',
  'internal',
]);
export type ApiErrorCode = z.infer<typeof apiErrorCodeSchema>;

export const apiErrorSchema = z.object({
  error: z.object({
    code: apiErrorCodeSchema,
    message: z.string(),
    issues: z.array(z.object({ path: z.string(), message: z.string() })).optional(),
  }),
});

export const SHA256_HEX = /^[0-9a-f]{64}$/;
/** The largest package the server takes. */
export const PACKAGE_MAX_BYTES = 4 * 1024 ** 3;
/** The chunk the server asks for: small enough to resend cheaply after a dropped connection. */
export const UPLOAD_CHUNK_BYTES = 4 * 1024 ** 2;

export const uploadStateSchema = z.object({
  uploadId: z.uuid(),
  /** Bytes the server holds; the next chunk starts here. */
  offset: z.number().int().nonnegative(),
  sizeBytes: z.number().int().positive(),
  chunkBytes: z.number().int().positive(),
});
export type UploadState = z.infer<typeof uploadStateSchema>;

export const teacherSchema = z.object({ id: z.uuid(), email: z.string(), name: z.string() });

export const serverInfoSchema = z.object({
  version: z.string(),
  publicUrl: z.string(),
  retentionDays: z.number().int().positive(),
  database: z.enum(['pglite', 'postgres']),
});

const noBody = null;
const noQuery = null;

export const classServerApi = {
  me: endpoint({
    method: 'GET',
    path: `${API_PREFIX}/teacher/me`,
    auth: 'teacher',
    body: noBody,
    query: noQuery,
    response: z.object({ teacher: teacherSchema, server: serverInfoSchema }),
  }),
  createUpload: endpoint({
    method: 'POST',
    path: `${API_PREFIX}/teacher/uploads`,
    auth: 'teacher',
    body: z.object({
      /** The studio's lesson id: publishing the same lesson again makes a new version of the same server lesson. */
      sourceId: z.string().min(1).max(100),
      title: z.string().trim().min(1).max(300),
      sizeBytes: z.number().int().positive().max(PACKAGE_MAX_BYTES),
      sha256: z.string().regex(SHA256_HEX),
    }),
    query: noQuery,
    response: uploadStateSchema,
  }),
  uploadStatus: endpoint({
    method: 'GET',
    path: `${API_PREFIX}/teacher/uploads/:uploadId`,
    auth: 'teacher',
    body: noBody,
    query: noQuery,
    response: uploadStateSchema,
  }),
  /** The body is the raw bytes from `offset`; the answer says where the next chunk starts. */
  uploadChunk: endpoint({
    method: 'PUT',
    path: `${API_PREFIX}/teacher/uploads/:uploadId`,
    auth: 'teacher',
    body: noBody,
    query: z.object({ offset: z.coerce.number().int().nonnegative() }),
    response: uploadStateSchema,
  }),
  finishUpload: endpoint({
    method: 'POST',
    path: `${API_PREFIX}/teacher/uploads/:uploadId/finish`,
    auth: 'teacher',
    body: noBody,
    query: noQuery,
    response: z.object({ lesson: serverLessonSchema, version: z.number().int().positive() }),
  }),
  cancelUpload: endpoint({
    method: 'DELETE',
    path: `${API_PREFIX}/teacher/uploads/:uploadId`,
    auth: 'teacher',
    body: noBody,
    query: noQuery,
    response: z.object({}),
  }),
  lessons: endpoint({
    method: 'GET',
    path: `${API_PREFIX}/teacher/lessons`,
    auth: 'teacher',
    body: noBody,
    query: noQuery,
    response: z.object({ lessons: z.array(serverLessonSchema) }),
  }),
  results: endpoint({
    method: 'GET',
    path: `${API_PREFIX}/teacher/lessons/:lessonId/results`,
    auth: 'teacher',
    body: noBody,
    query: z.object({ classId: z.uuid().optional() }),
    response: classResultsSchema,
  }),
  /** A one-time link the teacher's LMS admin pastes to register the server for them (LTI Dynamic Registration). */
  ltiInvite: endpoint({
    method: 'POST',
    path: `${API_PREFIX}/teacher/lti-invites`,
    auth: 'teacher',
    body: noBody,
    query: noQuery,
    response: z.object({ url: z.string(), expiresAt: z.number().int().positive() }),
  }),
  classes: endpoint({
    method: 'GET',
    path: `${API_PREFIX}/teacher/classes`,
    auth: 'teacher',
    body: noBody,
    query: noQuery,
    response: z.object({ classes: z.array(classSummarySchema) }),
  }),
  createClass: endpoint({
    method: 'POST',
    path: `${API_PREFIX}/teacher/classes`,
    auth: 'teacher',
    body: z.object({ name: classNameSchema }),
    query: noQuery,
    response: classSummarySchema,
  }),
  deleteClass: endpoint({
    method: 'DELETE',
    path: `${API_PREFIX}/teacher/classes/:classId`,
    auth: 'teacher',
    body: noBody,
    query: noQuery,
    response: z.object({ learnersDeleted: z.number().int().nonnegative() }),
  }),
  deleteLearner: endpoint({
    method: 'DELETE',
    path: `${API_PREFIX}/teacher/learners/:learnerId`,
    auth: 'teacher',
    body: noBody,
    query: noQuery,
    response: z.object({ eventsDeleted: z.number().int().nonnegative() }),
  }),
  /** Every record of a class or of one learner, as a file (CSV: one row per event). */
  exportRecords: endpoint({
    method: 'GET',
    path: `${API_PREFIX}/teacher/export`,
    auth: 'teacher',
    body: noBody,
    query: z
      .object({ classId: z.uuid().optional(), learnerId: z.uuid().optional(), format: z.enum(['json', 'csv']) })
      .refine((query) => (query.classId === undefined) !== (query.learnerId === undefined), {
        error: 'Name a class or a learner',
      }),
    response: z.unknown(),
  }),
  session: endpoint({
    method: 'GET',
    path: `${API_PREFIX}/learn/session`,
    auth: 'learner',
    body: noBody,
    query: noQuery,
    response: z.object({
      /** Stable across sessions: the player keys what it keeps in the browser by it. */
      learnerId: z.uuid(),
      learnerName: z.string(),
      className: z.string(),
      lessonTitle: z.string(),
      version: z.number().int().positive(),
      resumeState: z.string().nullable(),
    }),
  }),
  events: endpoint({
    method: 'POST',
    path: `${API_PREFIX}/learn/events`,
    auth: 'learner',
    body: eventBatchSchema,
    query: noQuery,
    response: eventBatchResultSchema,
  }),
} as const;

/** The path with its `:name` parameters filled in (each encoded). */
export function pathOf(path: string, params: Readonly<Record<string, string>> = {}): string {
  return path.replace(/:(\w+)/g, (_match, name: string) => {
    const value = params[name];
    if (value === undefined) throw new Error(`The path ${path} needs ${name}`);
    return encodeURIComponent(value);
  });
}
