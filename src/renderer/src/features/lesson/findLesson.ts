import type { Lesson, Project } from '../../../../shared/library/schemas';
import { StudioError } from '../../../../shared/contract/result';
import { studio } from '../../studio';

export interface LessonInfo {
  lesson: Lesson;
  project: Project;
}

/** Which project each lesson opened this session belongs to, so the lookup is one call after the first. */
const knownProjects = new Map<string, string>();

export function rememberLessonProject(lessonId: string, projectId: string): void {
  knownProjects.set(lessonId, projectId);
}

async function findIn(projectId: string, lessonId: string): Promise<LessonInfo | null> {
  const [project, active, trashed] = await Promise.all([
    studio.projects.get({ id: projectId }),
    studio.lessons.list({ projectId, view: 'active' }),
    studio.lessons.list({ projectId, view: 'trash' }),
  ]);
  const lesson = [...active, ...trashed].find((candidate) => candidate.id === lessonId);
  return lesson ? { lesson, project } : null;
}

/**
 * A lesson and its project from the lesson's id alone (the `#/lesson/<id>` route). The contract has no
 * `lessons.get` yet, so an unknown lesson is looked for project by project; see the report to the lead.
 */
export async function findLesson(lessonId: string): Promise<LessonInfo> {
  const known = knownProjects.get(lessonId);
  if (known) {
    const found = await findIn(known, lessonId).catch(() => null);
    if (found) return found;
  }
  for (const view of ['active', 'trash'] as const) {
    for (const project of await studio.projects.list({ view })) {
      const found = await findIn(project.id, lessonId);
      if (found) {
        rememberLessonProject(lessonId, project.id);
        return found;
      }
    }
  }
  throw new StudioError('not_found', 'This lesson no longer exists. It may have been deleted when the trash was emptied.');
}
