import { z } from 'zod';

export const errorCodeSchema = z.enum([
  'invalid_input',
  'unknown_call',
  'not_found',
  'conflict',
  'unauthorized',
  'storage',
  'internal',
]);
export type ErrorCode = z.infer<typeof errorCodeSchema>;

export const fieldIssueSchema = z.object({ path: z.string(), message: z.string() });
export type FieldIssue = z.infer<typeof fieldIssueSchema>;

export const callErrorSchema = z.object({
  code: errorCodeSchema,
  message: z.string(),
  issues: z.array(fieldIssueSchema).optional(),
});
export type CallError = z.infer<typeof callErrorSchema>;

/**
 * Every call answers with this envelope rather than a thrown error, because Electron's IPC keeps only an
 * error's message and the renderer needs the code and the field that was wrong.
 */
export const callResultSchema = z.discriminatedUnion('ok', [
  z.object({ ok: z.literal(true), value: z.unknown() }),
  z.object({ ok: z.literal(false), error: callErrorSchema }),
]);
export type CallResult = z.infer<typeof callResultSchema>;

/** An error with a code the UI and CLI can act on; thrown by services and by the client. */
export class StudioError extends Error {
  readonly code: ErrorCode;
  readonly issues: FieldIssue[] | undefined;

  constructor(code: ErrorCode, message: string, issues?: FieldIssue[]) {
    super(message);
    this.name = 'StudioError';
    this.code = code;
    this.issues = issues;
  }

  toCallError(): CallError {
    return this.issues
      ? { code: this.code, message: this.message, issues: this.issues }
      : { code: this.code, message: this.message };
  }
}

export function describeIssues(error: z.ZodError): FieldIssue[] {
  return error.issues.map((issue) => ({
    path: issue.path.length > 0 ? issue.path.map(String).join('.') : '(input)',
    message: issue.message,
  }));
}
