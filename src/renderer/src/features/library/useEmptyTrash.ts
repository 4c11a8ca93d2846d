import { useCallback, useState } from 'react';
import type { Project } from '../../../../shared/library/schemas';
import { studio } from '../../studio';
import { pluralize } from '../../lib/time';
import { useToast } from '../../ui/Toast';

export interface TrashSummary {
  projects: Project[];
  /** Lessons deleted one by one, in any project; a trashed project's own lessons go with it. */
  lessons: number;
}

/** What "Empty trash" would delete, counted before asking, so the question can say exactly that. */
async function summarizeTrash(): Promise<TrashSummary> {
  const [active, trashed] = await Promise.all([
    studio.projects.list({ view: 'active', query: '', sort: 'updated' }),
    studio.projects.list({ view: 'trash', query: '', sort: 'updated' }),
  ]);
  const lessonLists = await Promise.all([...active, ...trashed].map((project) => studio.lessons.list({ projectId: project.id, view: 'trash' })));
  return { projects: trashed, lessons: lessonLists.reduce((sum, list) => sum + list.length, 0) };
}

/** "2 projects and 1 lesson"; empty when there is nothing. */
export function describeCounts(projects: number, lessons: number): string {
  const parts = [projects > 0 ? pluralize(projects, 'project') : '', lessons > 0 ? pluralize(lessons, 'lesson') : ''];
  return parts.filter(Boolean).join(' and ');
}

export function useEmptyTrash() {
  const toast = useToast();
  const [summary, setSummary] = useState<TrashSummary | null>(null);

  const ask = useCallback(async () => {
    try {
      setSummary(await summarizeTrash());
    } catch (error) {
      toast.error(error);
    }
  }, [toast]);

  const confirm = useCallback(async () => {
    try {
      const deleted = await studio.projects.emptyTrash({});
      const what = describeCounts(deleted.projects, deleted.lessons);
      toast.show({ message: what ? `Deleted ${what} forever` : 'The trash was already empty' });
    } catch (error) {
      toast.error(error);
    } finally {
      setSummary(null);
    }
  }, [toast]);

  return { summary, ask, confirm, cancel: () => setSummary(null) };
}
