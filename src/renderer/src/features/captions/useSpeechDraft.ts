import { useCallback, useEffect, useRef, useState } from 'react';
import type { SpeechEngine, TranscribeJob } from '@shared/contract/transcribe';
import * as commands from '@shared/editor/commands';
import type { Editor } from '../../lib/lessonEditing';
import { describeError } from '../../lib/errors';
import { studio } from '../../studio';

export type DraftState =
  | { readonly kind: 'idle' }
  | { readonly kind: 'unavailable'; readonly engine: SpeechEngine | null }
  | { readonly kind: 'running'; readonly job: TranscribeJob | null }
  | { readonly kind: 'failed'; readonly message: string }
  | { readonly kind: 'done'; readonly count: number };

/**
 * A caption draft from the lesson's sound, made by main as a job: started, followed by its progress, cancelled, and
 * when it is done put on the track in place of its captions as one undo step (Undo brings the old ones back).
 */
export function useSpeechDraft(editor: Editor, lessonId: string, trackId: string, language: string) {
  const [state, setState] = useState<DraftState>({ kind: 'idle' });
  const jobId = useRef<string | null>(null);
  const editorRef = useRef(editor);
  editorRef.current = editor;

  const finish = useCallback(
    (job: TranscribeJob) => {
      if (job.jobId !== jobId.current || job.state === 'running') return;
      jobId.current = null;
      if (job.state === 'cancelled') return setState({ kind: 'idle' });
      if (job.state === 'failed' || !job.cues)
        return setState({ kind: 'failed', message: job.error ?? 'The draft could not be made' });
      const ran = editorRef.current.run(commands.importCues, {
        trackId,
        cues: job.cues,
        ids: job.cues.map(() => crypto.randomUUID()),
        replace: true,
        what: 'Draft captions from speech',
      });
      setState(
        ran ? { kind: 'done', count: job.cues.length } : { kind: 'failed', message: 'The draft could not be added' },
      );
    },
    [trackId],
  );

  useEffect(
    () =>
      studio.transcribe.onDidProgress((job) => {
        if (job.jobId !== jobId.current) return;
        if (job.state === 'running') setState({ kind: 'running', job });
        else finish(job);
      }),
    [finish],
  );

  const start = useCallback(async () => {
    try {
      const engines = await studio.transcribe.engines({});
      const engine = engines.find((item) => item.available) ?? null;
      if (!engine) {
        setState({ kind: 'unavailable', engine: engines[0] ?? null });
        return;
      }
      setState({ kind: 'running', job: null });
      const started = await studio.transcribe.start({ lessonId, language });
      jobId.current = started.jobId;
      // The job may have ended before its id came back: its last event was not ours yet.
      const now = await studio.transcribe.status(started);
      if (now.state === 'running') setState({ kind: 'running', job: now });
      else finish(now);
    } catch (error) {
      jobId.current = null;
      setState({ kind: 'failed', message: describeError(error) });
    }
  }, [lessonId, language, finish]);

  const cancel = useCallback(() => {
    if (jobId.current !== null) void studio.transcribe.cancel({ jobId: jobId.current });
  }, []);

  useEffect(() => cancel, [cancel]);

  return { state, start, cancel, dismiss: () => setState({ kind: 'idle' }) };
}
