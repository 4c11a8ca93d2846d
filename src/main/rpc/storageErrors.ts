import { StudioError } from '@shared/contract/result';

/**
 * The disk (or SQLite on it) ran out of space: `ENOSPC` from Node, `SQLITE_FULL` from the database, or ffmpeg's
 * words for it in a conversion's message.
 */
export function isDiskFull(error: unknown): boolean {
  if (error instanceof DiskFullError) return true;
  const { code, message } = (error ?? {}) as { code?: unknown; message?: unknown };
  if (code === 'ENOSPC' || code === 'SQLITE_FULL') return true;
  return typeof message === 'string' && /ENOSPC|No space left on device/i.test(message);
}

/** Writing failed because the disk is full: said as such, never as a bad file or an internal fault. */
export class DiskFullError extends StudioError {
  constructor(message = 'The disk is full, so this was not saved. Free some space and try again.') {
    super('storage', message);
  }
}

/**
 * Failures that are not bugs but the machine's state, in words a teacher can act on; null for anything else (which
 * is then an internal error, logged with its stack).
 */
export function storageErrorOf(error: unknown): StudioError | null {
  if (isDiskFull(error)) return new DiskFullError();
  const code = (error as { code?: unknown } | null)?.code;
  if (code === 'SQLITE_READONLY')
    return new StudioError('storage', 'The library is open read-only here, so nothing can be changed.');
  return null;
}
