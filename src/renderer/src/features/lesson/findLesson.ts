import type { Lesson, Project } from '@shared/library/schemas';
import { studio } from '../../studio';

export interface LessonInfo {
  lesson: Lesson;
  project: Project;
}

/** A lesson and its project from the lesson's id alone (the `#/lesson/<id>` route). */
export function findLesson(lessonId: string): Promise<LessonInfo> {
  return studio.lessons.get({ id: lessonId });
}
