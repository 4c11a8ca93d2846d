import { StudioError } from '@shared/contract/result';
import { isDiskFull } from '../rpc/storageErrors';

/** Disk errors in words a teacher can act on; what is already on disk stays there. */
export function storageError(error: unknown): StudioError {
  const code = (error as NodeJS.ErrnoException).code;
  if (isDiskFull(error))
    return new StudioError(
      'storage',
      'The disk is full. Everything recorded until now is kept; free some space to record more.',
    );
  if (code === 'EACCES' || code === 'EPERM' || code === 'EROFS')
    return new StudioError(
      'storage',
      'The studio cannot write to its media folder. Everything recorded until now is kept; check the folder’s permissions.',
    );
  return new StudioError(
    'storage',
    `Writing the recording failed (${(error as Error).message}). Everything recorded until now is kept.`,
  );
}
