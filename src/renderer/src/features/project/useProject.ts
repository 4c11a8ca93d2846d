import { useCallback, useMemo } from 'react';
import type { Lesson } from '@shared/library/schemas';
import { studio } from '../../studio';
import { useLiveQuery, type ChangeSource } from '../../lib/useLiveQuery';
import { useToast } from '../../ui/Toast';
import { quoted } from '../../ui/Quoted';

/** One project and its lessons, reloaded when this project changes here, in another window or from the menu. */
export function useProject(projectId: string) {
  const toast = useToast();
  const sources = useMemo(() => {
    const onProject: ChangeSource = (listener) =>
      studio.projects.onDidChange(
        ({ projectId: changed }) => (changed === null || changed === projectId) && listener(),
      );
    const onLessons: ChangeSource = (listener) =>
      studio.lessons.onDidChange(({ projectId: changed }) => changed === projectId && listener());
    return { project: [onProject], lessons: [onLessons, onProject] };
  }, [projectId]);

  const project = useLiveQuery(() => studio.projects.get({ id: projectId }), projectId, sources.project);
  const lessons = useLiveQuery(() => studio.lessons.list({ projectId, view: 'active' }), projectId, sources.lessons);
  const trashed = useLiveQuery(() => studio.lessons.list({ projectId, view: 'trash' }), projectId, sources.lessons);
  const setLessons = lessons.setData;
  const setProject = project.setData;

  const updateProject = useCallback(
    async (values: { title: string; description: string }) => {
      setProject(await studio.projects.update({ id: projectId, ...values }));
    },
    [projectId, setProject],
  );

  const addLesson = useCallback((title: string) => studio.lessons.add({ projectId, title }), [projectId]);

  const renameLesson = useCallback(async (lesson: Lesson, title: string) => {
    await studio.lessons.rename({ id: lesson.id, title });
  }, []);

  const moveLesson = useCallback(
    async (lesson: Lesson, toIndex: number) => {
      try {
        setLessons(await studio.lessons.move({ id: lesson.id, toIndex }));
      } catch (error) {
        toast.error(error);
      }
    },
    [setLessons, toast],
  );

  const restoreLesson = useCallback(
    async (lesson: Lesson) => {
      try {
        await studio.lessons.restore({ id: lesson.id });
        toast.show({ message: quoted('', lesson.title, ' restored') });
      } catch (error) {
        toast.error(error);
      }
    },
    [toast],
  );

  const trashLesson = useCallback(
    async (lesson: Lesson, index: number) => {
      // Restoring puts a lesson last; Undo puts it back where it was.
      const undo = async () => {
        await studio.lessons.restore({ id: lesson.id });
        setLessons(await studio.lessons.move({ id: lesson.id, toIndex: index }));
      };
      try {
        await studio.lessons.trash({ id: lesson.id });
        toast.show({
          message: quoted('', lesson.title, ' moved to trash'),
          action: { label: 'Undo', run: () => void undo().catch(toast.error) },
        });
      } catch (error) {
        toast.error(error);
      }
    },
    [setLessons, toast],
  );

  const restoreProject = useCallback(async () => {
    try {
      await studio.projects.restore({ id: projectId });
    } catch (error) {
      toast.error(error);
    }
  }, [projectId, toast]);

  return {
    project,
    lessons,
    trashed,
    actions: { updateProject, addLesson, renameLesson, moveLesson, trashLesson, restoreLesson, restoreProject },
  };
}
