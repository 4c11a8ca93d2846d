import { describe, expect, it } from 'vitest';
import type { Lesson, Project } from '@shared/library/schemas';
import { callStudio as call, tempStudio } from '../testing/tempStudio';
import type { Studio } from '../studio';

async function projectWithLessons(studio: Studio, titles: string[]) {
  const project = await call<Project>(studio, 'projects', 'create', { title: 'Chemistry' });
  const lessons: Lesson[] = [];
  for (const title of titles)
    lessons.push(await call<Lesson>(studio, 'lessons', 'add', { projectId: project.id, title }));
  return { project, lessons };
}

const titlesOf = (lessons: Lesson[]) => lessons.map((lesson) => lesson.title);

describe('LessonsService', () => {
  it('adds lessons at the end, in order, and counts them on the project', async () => {
    const studio = tempStudio();
    const { project, lessons } = await projectWithLessons(studio, ['Atoms', 'Bonds', 'Reactions']);
    expect(lessons.map((lesson) => lesson.position)).toEqual([0, 1, 2]);
    expect(await call<Project>(studio, 'projects', 'get', { id: project.id })).toMatchObject({ lessonCount: 3 });
  });

  it('finds a lesson with its project from the lesson id alone', async () => {
    const studio = tempStudio();
    const { project, lessons } = await projectWithLessons(studio, ['Atoms']);
    await expect(call(studio, 'lessons', 'get', { id: lessons[0]?.id })).resolves.toMatchObject({
      lesson: { title: 'Atoms' },
      project: { id: project.id, title: 'Chemistry' },
    });
  });

  it('renames a lesson', async () => {
    const studio = tempStudio();
    const { lessons } = await projectWithLessons(studio, ['Atoms']);
    await expect(
      call(studio, 'lessons', 'rename', { id: lessons[0]?.id, title: ' Atoms  and ions ' }),
    ).resolves.toMatchObject({ title: 'Atoms and ions' });
  });

  it('moves a lesson to any index, clamping past the end', async () => {
    const studio = tempStudio();
    const { project, lessons } = await projectWithLessons(studio, ['A', 'B', 'C', 'D']);
    const [a, , , d] = lessons;
    expect(titlesOf(await call(studio, 'lessons', 'move', { id: a?.id, toIndex: 2 }))).toEqual(['B', 'C', 'A', 'D']);
    expect(titlesOf(await call(studio, 'lessons', 'move', { id: d?.id, toIndex: 0 }))).toEqual(['D', 'B', 'C', 'A']);
    expect(titlesOf(await call(studio, 'lessons', 'move', { id: d?.id, toIndex: 99 }))).toEqual(['B', 'C', 'A', 'D']);
    const stored = await call<Lesson[]>(studio, 'lessons', 'list', { projectId: project.id });
    expect(stored.map((lesson) => [lesson.title, lesson.position])).toEqual([
      ['B', 0],
      ['C', 1],
      ['A', 2],
      ['D', 3],
    ]);
  });

  it('refuses a negative or fractional index', async () => {
    const studio = tempStudio();
    const { lessons } = await projectWithLessons(studio, ['A']);
    const result = await studio.dispatcher.dispatch('app:lessons.move', { id: lessons[0]?.id, toIndex: -1 });
    expect(result).toMatchObject({ ok: false, error: { code: 'invalid_input', issues: [{ path: 'toIndex' }] } });
  });

  it('sends a deleted lesson to the trash, closing the gap, and restores it at the end', async () => {
    const studio = tempStudio();
    const { project, lessons } = await projectWithLessons(studio, ['A', 'B', 'C']);
    await call(studio, 'lessons', 'trash', { id: lessons[0]?.id });
    const active = await call<Lesson[]>(studio, 'lessons', 'list', { projectId: project.id });
    expect(active.map((lesson) => [lesson.title, lesson.position])).toEqual([
      ['B', 0],
      ['C', 1],
    ]);
    expect(titlesOf(await call(studio, 'lessons', 'list', { projectId: project.id, view: 'trash' }))).toEqual(['A']);
    await call(studio, 'lessons', 'restore', { id: lessons[0]?.id });
    expect(titlesOf(await call(studio, 'lessons', 'list', { projectId: project.id }))).toEqual(['B', 'C', 'A']);
  });

  it('does not change lessons of a project in the trash', async () => {
    const studio = tempStudio();
    const { project } = await projectWithLessons(studio, ['A']);
    await call(studio, 'projects', 'trash', { id: project.id });
    const result = await studio.dispatcher.dispatch('app:lessons.add', { projectId: project.id, title: 'B' });
    expect(result).toMatchObject({
      ok: false,
      error: { code: 'conflict', message: expect.stringContaining('restore it first') },
    });
  });

  it('emits lesson and project changes so both lists refresh', async () => {
    const studio = tempStudio();
    const { project } = await projectWithLessons(studio, []);
    const seen: [string, unknown][] = [];
    studio.events.listen((channel, payload) => seen.push([channel, payload]));
    await call(studio, 'lessons', 'add', { projectId: project.id, title: 'A' });
    expect(seen).toEqual([
      ['app:lessons.onDidChange', { projectId: project.id }],
      ['app:projects.onDidChange', { projectId: project.id }],
    ]);
  });
});
