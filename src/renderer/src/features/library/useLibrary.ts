import { useCallback, useState } from 'react';
import type { LibraryView, Project, ProjectSort } from '@shared/library/schemas';
import { studio } from '../../studio';
import { useLiveQuery, type ChangeSource } from '../../lib/useLiveQuery';
import { useToast } from '../../ui/Toast';
import { quoted } from '../../ui/Quoted';
import { useProjectPages } from './useProjectPages';

const onProjectsChange: ChangeSource = (listener) => studio.projects.onDidChange(listener);
const projectSources = [onProjectsChange];

/** How many projects a view holds: one row asked for, the total read. */
const countOf = (view: LibraryView) => () =>
  studio.projects.list({ view, query: '', sort: 'updated', limit: 1 }).then((page) => page.total);

/** The library's lists and the actions on them; every action is saved at once and reported in a toast. */
export function useLibrary(view: LibraryView) {
  const toast = useToast();
  const [query, setQuery] = useState('');
  const [sort, setSort] = useState<ProjectSort>('updated');

  const projects = useProjectPages(view, view === 'trash' ? '' : query, view === 'trash' ? 'updated' : sort);
  const trash = useLiveQuery(countOf('trash'), 'trash', projectSources);

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
          action: {
            label: 'Undo',
            run: () => {
              studio.projects.restore({ id: project.id }).catch((error: unknown) => {
                toast.error(error);
              });
            },
          },
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

  return {
    projects,
    query,
    setQuery,
    sort,
    setSort,
    trashCount: trash.data ?? 0,
    actions: { restore, moveToTrash, duplicate, rename },
  };
}
