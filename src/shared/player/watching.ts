import type { LessonPackage } from './lessonPackage';

/**
 * The lesson to watch rather than take: the same picture, sound, camera, callouts, key moments and captions, without
 * its questions or its limits on seeking. The lesson page plays this, so the teacher can look at the edited lesson
 * end to end and jump anywhere; Preview as learner is where the questions are asked.
 */
export function forWatching(lesson: LessonPackage): LessonPackage {
  return { ...lesson, checkpoints: [], rules: { ...lesson.rules, navigation: 'free' } };
}
