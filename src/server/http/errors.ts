import type { z } from 'zod';
import type { ApiErrorCode } from '@shared/classServer/api';

const STATUS: Record<ApiErrorCode, number> = {
  invalid_input: 400,
  unauthorized: 401,
  forbidden: 403,
  not_found: 404,
  conflict: 409,
  gone: 410,
  too_large: 413,
  rate_limited: 429,
  internal: 500,
};

/** An answer other than success, with a code the studio and the player act on and words a teacher can read. */
export class HttpError extends Error {
  readonly status: number;

  constructor(
    readonly code: ApiErrorCode,
    message: string,
    readonly issues?: { path: string; message: string }[],
  ) {
    super(message);
    this.status = STATUS[code];
  }
}

export function invalidInput(what: string, error: z.ZodError): HttpError {
  return new HttpError(
    'invalid_input',
    `${what}: ${error.issues[0]?.message ?? 'not valid'}`,
    error.issues.map((issue) => ({ path: issue.path.map(String).join('.'), message: issue.message })),
  );
}
