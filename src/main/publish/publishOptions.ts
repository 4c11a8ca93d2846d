import { nextVersion } from '@shared/publish/history';
import { isUpToDate } from '@shared/render/upToDate';
import type { PublishHistory } from './history';
import type { SnapshotSource } from './snapshot';

/**
 * What the publish dialog starts from for a lesson: its defaults (the next version after the last publish, the
 * lesson's rules, links to the class server where every lesson has one), its renditions and whether each is up to
 * date, and the project's lessons a course or cartridge can take.
 */
export async function publishOptions(source: SnapshotSource, history: PublishHistory | undefined, lessonId: string) {
  const [info, document, renders, problem] = await Promise.all([
    source.getLesson(lessonId),
    source.openDocument(lessonId),
    source.listRenders(lessonId),
    source.layersProblem(lessonId),
  ]);
  const lessons = await source.listLessons(info.lesson.projectId);
  const lastVersion = history?.lastVersion(lessonId) ?? null;
  const urls = await Promise.all(lessons.map(async (lesson) => (await source.classServerUrl?.(lesson.id)) ?? null));
  return {
    defaults: {
      title: info.lesson.title,
      description: '',
      language: 'en',
      version: lastVersion === null ? '1.0' : nextVersion(lastVersion),
      masteryPercent: document.rules.masteryPercent,
      completion: document.rules.completion,
      courseScope: 'lesson' as const,
      cartridgeLessons: urls.every((url) => url !== null)
        ? ('link' as const)
        : urls.some((url) => url !== null)
          ? ('linkOrWeb' as const)
          : ('web' as const),
    },
    renditions: renders.map((render) => ({
      renderId: render.id,
      label: render.label,
      width: render.width,
      height: render.height,
      sizeBytes: render.sizeBytes,
      upToDate: isUpToDate(render, document),
    })),
    checkpointCount: document.checkpoints.length,
    playerVideo: { possible: problem === null, reason: problem },
    courseLessonIds: lessons.map((lesson) => lesson.id),
    cartridgeTitle: info.project.title,
    cartridgeLessons: lessons.map((lesson, index) => ({
      lessonId: lesson.id,
      title: lesson.title,
      lessonUrl: urls[index] ?? null,
    })),
  };
}
