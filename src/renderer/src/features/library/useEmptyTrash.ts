import { useCallback, useState } from 'react';
import { studio } from '../../studio';
import { pluralize } from '@shared/format/text';
import { useToast } from '../../ui/Toast';

export type TrashSummary = Awaited<ReturnType<typeof studio.projects.trashSummary>>;

/** "2 projects, 1 lesson and 3 recordings"; empty when there is nothing. */
export function describeCounts(counts: { projects: number; lessons: number; takes: number }): string {
  const parts = [
    pluralize(counts.projects, 'project'),
    pluralize(counts.lessons, 'lesson'),
    pluralize(counts.takes, 'recording'),
  ].filter((_part, index) => ([counts.projects, counts.lessons, counts.takes][index] ?? 0) > 0);
  return parts.length > 1 ? `${parts.slice(0, -1).join(', ')} and ${parts.at(-1)}` : (parts[0] ?? '');
}

export function useEmptyTrash() {
  const toast = useToast();
  const [summary, setSummary] = useState<TrashSummary | null>(null);

  const ask = useCallback(async () => {
    try {
      setSummary(await studio.projects.trashSummary({}));
    } catch (error) {
      toast.error(error);
    }
  }, [toast]);

  const confirm = useCallback(async () => {
    try {
      const deleted = await studio.projects.emptyTrash({});
      const what = describeCounts(deleted);
      toast.show({ message: what ? `Deleted ${what} forever` : 'The trash was already empty' });
    } catch (error) {
      toast.error(error);
    } finally {
      setSummary(null);
    }
  }, [toast]);

  return { summary, ask, confirm, cancel: () => setSummary(null) };
}
