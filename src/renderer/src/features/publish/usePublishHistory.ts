import { useMemo } from 'react';
import { studio } from '../../studio';
import { useLiveQuery, type ChangeSource } from '../../lib/useLiveQuery';

/**
 * What a lesson published, reloaded when a publish ends or an entry goes, and when the lesson is edited or its
 * recording switched (either may make the lesson differ from what was published, or the same again).
 */
export function usePublishHistory(lessonId: string) {
  const sources = useMemo<ChangeSource[]>(() => {
    const ofLesson = (changed: string, listener: () => void) => changed === lessonId && listener();
    return [
      (listener) => studio.publish.onDidChangeHistory(({ lessonId: changed }) => ofLesson(changed, listener)),
      (listener) => studio.editor.onDidChange(({ lessonId: changed }) => ofLesson(changed, listener)),
      (listener) => studio.takes.onDidChange(({ lessonId: changed }) => ofLesson(changed, listener)),
    ];
  }, [lessonId]);
  const history = useLiveQuery(() => studio.publish.history({ lessonId }), lessonId, sources);
  const records = history.data ?? [];
  return {
    records,
    error: history.error,
    /** Shows the list without an entry just deleted, before the change event reloads it. */
    forget: (id: string) => history.setData(records.filter((record) => record.id !== id)),
  };
}
