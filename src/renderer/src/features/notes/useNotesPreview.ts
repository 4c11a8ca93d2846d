import { useEffect, useState } from 'react';
import type { NotesPreview } from '@shared/contract/notes';
import { studio } from '../../studio';

/** How long typing pauses before the preview is compiled again. */
const PREVIEW_DELAY_MS = 300;

export type PreviewState = { readonly result: NotesPreview | null; readonly pending: boolean; readonly error: unknown };

/** The notes compiled by main as a package would get them, a moment after the teacher stops typing. */
export function useNotesPreview(lessonId: string, source: string, version: number): PreviewState {
  const [state, setState] = useState<PreviewState>({ result: null, pending: true, error: null });
  useEffect(() => {
    let current = true;
    setState((before) => ({ ...before, pending: true }));
    const timer = setTimeout(() => {
      studio.notes
        .preview({ lessonId, source })
        .then((result) => current && setState({ result, pending: false, error: null }))
        .catch((error: unknown) => current && setState({ result: null, pending: false, error }));
    }, PREVIEW_DELAY_MS);
    return () => {
      current = false;
      clearTimeout(timer);
    };
  }, [lessonId, source, version]);
  return state;
}
