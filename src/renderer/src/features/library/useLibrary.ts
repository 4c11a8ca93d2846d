import { useCallback, useState } from 'react';
import type { LibraryView, Project, ProjectSort } from '@shared/library/schemas';
import { studio } from '../../studio';
import { useLiveQuery, type ChangeSource } from '../../lib/useLiveQuery';
import { useToast } from '../../ui/Toast';
import { quoted } from '../../ui/Quoted';

const onProjectsChange: ChangeSource = (listener) => studio.projects.onDidChange(listener);
const projectSources = [onProjectsChange];

/** The library's lists and the actions on them; every action is saved at once and reported in a toast. */
export function useLibrary(view: LibraryView) {
  const toast = useToast();
  const [query, setQuery] = useState('');
  const [sort, setSort] = useState<ProjectSort>('updated');

  const listQuery = view === 'trash' ? '' : query;
  const projects = useLiveQuery(
    () => studio.projects.list({ view, query: listQuery, sort: view === 'trash' ? 'updated' : sort }),
    `${view}\n${sort}\n${listQuery}`,
    projectSources,
  );
  const trash = useLiveQuery(
    () => studio.projects.list({ view: 'trash', query: '', sort: 'updated' }),
    'trash',
    projectSources,
  );
  const active = useLiveQuery(
    () => studio.projects.list({ view: 'active', query: '', sort: 'updated' }),
    'active',
    projectSources,
  );

  const restore = useCallback(
    async (project: Project) => {
      try {
        await studio.projects.restore({ id: project.id });
        toast.show({ message: quoted('', project.title, ' restored') });
      } catch (error) {
        toast.error(error);
      }
    },
    [toast],
  );

  const moveToTrash = useCallback(
    async (project: Project) => {
      try {
        await studio.projects.trash({ id: project.id });
        toast.show({
          message: quoted('', project.title, ' moved to trash'),
          action: { label: 'Undo', run: () => void studio.projects.restore({ id: project.id }).catch(toast.error) },
        });
      } catch (error) {
        toast.error(error);
      }
    },
    [toast],
  );

  const duplicate = useCallback(
    async (project: Project) => {
      try {
        const copy = await studio.projects.duplicate({ id: project.id });
        toast.show({ message: quoted('Made ', copy.title, '') });
      } catch (error) {
        toast.error(error);
      }
    },
    [toast],
  );

  const rename = useCallback(async (project: Project, values: { title: string; description: string }) => {
    await studio.projects.update({ id: project.id, title: values.title, description: values.description });
  }, []);

  // While switching between Projects and Trash, the other view's rows must not show even for a moment.
  const shown = projects.dataKey?.startsWith(`${view}\n`) ? projects.data : undefined;

  return {
    shown,
    query,
    setQuery,
    sort,
    setSort,
    projects,
    trashCount: trash.data?.length ?? 0,
    totalActive: active.data?.length ?? 0,
    actions: { restore, moveToTrash, duplicate, rename },
  };
}
