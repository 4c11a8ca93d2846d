import { useMemo } from 'react';
import { studio } from '../../studio';
import { useLiveQuery, type ChangeSource } from '../../lib/useLiveQuery';
import { findLesson } from './findLesson';

/** The lesson's title and its project, kept current when either is renamed or moved to the trash. */
export function useLessonInfo(lessonId: string) {
  const sources = useMemo<ChangeSource[]>(
    () => [
      (listener) => studio.lessons.onDidChange(() => listener()),
      (listener) => studio.projects.onDidChange(() => listener()),
    ],
    [],
  );
  return useLiveQuery(() => findLesson(lessonId), lessonId, sources);
}
