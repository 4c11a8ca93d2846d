import { useCallback, useEffect, useRef, useState } from 'react';
import type { SaveJob } from '@shared/contract/files';
import { studio } from '../studio';
import type { Toaster } from '../ui/Toast';
import { describeError } from './errors';
import { deliverSaved } from './fileActions';

export type CaptionedSaveState =
  | { kind: 'idle' }
  | { kind: 'running'; fraction: number }
  | { kind: 'failed'; message: string }
  | { kind: 'cancelled' };

/**
 * Save as… of a render, with or without its captions. Without, it is the plain copy; with, main runs a save job whose
 * progress arrives as `files.onDidProgress`, and `onDone` follows once the file is saved or downloading.
 */
export function useCaptionedSave(renderId: string, toast: Toaster, onDone: () => void) {
  const [state, setState] = useState<CaptionedSaveState>({ kind: 'idle' });
  const jobId = useRef<string | null>(null);

  const settle = useCallback(
    (job: SaveJob) => {
      if (job.state === 'running') return setState({ kind: 'running', fraction: job.fraction });
      jobId.current = null;
      if (job.state === 'cancelled') return setState({ kind: 'cancelled' });
      if (job.state === 'failed' || !job.result)
        return setState({ kind: 'failed', message: job.error ?? 'The file could not be saved' });
      setState({ kind: 'idle' });
      deliverSaved(job.result, toast);
      onDone();
    },
    [toast, onDone],
  );

  useEffect(
    () =>
      studio.files.onDidProgress((job) => {
        if (job.jobId === jobId.current) settle(job);
      }),
    [settle],
  );

  const save = useCallback(
    async (captions: boolean) => {
      try {
        const answer = await studio.files.saveAs({ kind: 'render', renderId, captions });
        if (answer.outcome !== 'saving') {
          setState({ kind: 'idle' });
          deliverSaved(answer, toast);
          if (answer.outcome !== 'cancelled') onDone();
          return;
        }
        jobId.current = answer.jobId;
        setState({ kind: 'running', fraction: 0 });
        // The job may have ended before its id came back: its last event was not ours yet.
        settle(await studio.files.status({ jobId: answer.jobId }));
      } catch (error) {
        jobId.current = null;
        setState({ kind: 'failed', message: describeError(error) });
      }
    },
    [renderId, toast, onDone, settle],
  );

  const cancel = useCallback(() => {
    if (jobId.current !== null) void studio.files.cancel({ jobId: jobId.current }).catch(() => undefined);
  }, []);

  // Closing the dialog or leaving the screen stops a save still under way, so nothing runs unseen.
  useEffect(() => cancel, [cancel]);

  return { state, save, cancel, reset: () => setState({ kind: 'idle' }) };
}
