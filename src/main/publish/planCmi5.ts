import { cmi5CourseStructure, CMI5_COURSE_FILE } from '@shared/publish/cmi5Course';
import type { PackagePlan } from './plan';
import { LAUNCH_PAGE, scoFiles, textEntry, type PlanAssets } from './scoFiles';
import type { LessonSnapshot } from './snapshot';

/**
 * A cmi5 course: cmi5.xml at the root and one AU per lesson, each a player folder of its own (lesson-1/, lesson-2/ …
 * in lesson order), launched by relative URL. A one-lesson course takes the dialog's title for its AU; a course of
 * the whole project takes the dialog's title for the course and each lesson's own title and rules for its AU.
 */
export function planCmi5(snapshot: LessonSnapshot, assets: PlanAssets): PackagePlan {
  const { settings } = snapshot;
  const aus = snapshot.course ?? [snapshot];
  const parts = aus.map((au, index) => {
    const folder = `lesson-${index + 1}/`;
    const title = snapshot.course ? au.lesson.title : settings.title;
    return { au, title, url: `${folder}${LAUNCH_PAGE}`, ...scoFiles(au, assets, { prefix: folder, title }) };
  });
  const course = cmi5CourseStructure({
    courseId: snapshot.course ? snapshot.project.id : snapshot.lesson.id,
    title: settings.title,
    description: settings.description,
    language: settings.language,
    aus: parts.map(({ au, title, url, lesson }) => ({
      lessonId: au.lesson.id,
      title,
      description: au.settings.description,
      url,
      masteryPercent: lesson.checkpoints.some((checkpoint) => checkpoint.points > 0)
        ? au.settings.masteryPercent
        : null,
    })),
  });
  const own = parts.find((part) => part.au.lesson.id === snapshot.lesson.id) ?? parts[0];
  if (!own) throw new Error('A cmi5 course needs at least one lesson');
  return {
    format: 'cmi5',
    entries: [textEntry(CMI5_COURSE_FILE, course), ...parts.flatMap((part) => part.entries)],
    lesson: own.lesson,
    launch: own.url,
  };
}
