import { StudioError } from '@shared/contract/result';

/** The disk (or SQLite on it) ran out of space: `ENOSPC` from Node, `SQLITE_FULL` from the database. */
export function isDiskFull(error: unknown): boolean {
  const code = (error as { code?: unknown } | null)?.code;
  return code === 'ENOSPC' || code === 'SQLITE_FULL';
}

/**
 * Failures that are not bugs but the machine's state, in words a teacher can act on; null for anything else (which
 * is then an internal error, logged with its stack).
 */
export function storageErrorOf(error: unknown): StudioError | null {
  if (isDiskFull(error))
    return new StudioError('storage', 'The disk is full, so this was not saved. Free some space and try again.');
  const code = (error as { code?: unknown } | null)?.code;
  if (code === 'SQLITE_READONLY')
    return new StudioError('storage', 'The library is open read-only here, so nothing can be changed.');
  return null;
}
