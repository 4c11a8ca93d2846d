import { useMemo } from 'react';
import { studio } from '../../studio';
import { useLiveQuery, type ChangeSource } from '../../lib/useLiveQuery';

/** A lesson's finished renders and its document as it is now (to tell which renders are out of date). */
export function useRenders(lessonId: string) {
  const renderSources = useMemo<ChangeSource[]>(
    () => [(listener) => studio.renders.onDidChange(({ lessonId: changed }) => changed === lessonId && listener())],
    [lessonId],
  );
  const editSources = useMemo<ChangeSource[]>(
    () => [(listener) => studio.editor.onDidChange(({ lessonId: changed }) => changed === lessonId && listener())],
    [lessonId],
  );
  const renders = useLiveQuery(() => studio.renders.list({ lessonId }), lessonId, renderSources);
  const document = useLiveQuery(() => studio.editor.open({ lessonId }), lessonId, editSources);
  return {
    renders: renders.data ?? [],
    error: renders.error,
    document: document.data ?? null,
  };
}
