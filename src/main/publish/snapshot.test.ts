import fs from 'node:fs';
import { afterEach, describe, expect, it } from 'vitest';
import type { Lesson } from '@shared/library/schemas';
import type { Render } from '@shared/media/renders';
import { blankDocument, idOf } from '@shared/editor/testDocuments.testkit';
import { StudioError } from '@shared/contract/result';
import { isUpToDate, takeSnapshot, type SnapshotSource } from './snapshot';
import { tempDir, testSnapshot } from './testPackage.testkit';

const dirs: string[] = [];
afterEach(() => {
  for (const made of dirs.splice(0)) fs.rmSync(made, { recursive: true, force: true });
});

/** A project of three lessons in the given order; `unrendered` names one with no up-to-date render. */
function projectSource(unrendered: string | null = null): { source: SnapshotSource; lessons: Lesson[] } {
  const dir = tempDir();
  dirs.push(dir);
  const base = testSnapshot(dir);
  const lessons = ['Motion', 'Forces', 'Energy'].map((title, position) => ({
    ...base.lesson,
    id: idOf(100 + position),
    title,
    position,
  }));
  const renderOf = (lesson: Lesson): Render =>
    ({
      ...base.renders[0],
      id: idOf(200 + lesson.position),
      lessonId: lesson.id,
      revision: lesson.title === unrendered ? -1 : 0,
    }) as Render;
  const source: SnapshotSource = {
    mediaRoot: dir,
    openDocument: (lessonId) => blankDocument({ lessonId, revision: 0 }),
    listRenders: (lessonId) => lessons.filter((lesson) => lesson.id === lessonId).map(renderOf),
    getLesson: (id) => ({ lesson: lessons.find((lesson) => lesson.id === id) as Lesson, project: base.project }),
    listNoteFiles: () => [],
    listLessons: () => lessons,
    findLayers: () => null,
    layersProblem: () => null,
  };
  return { source, lessons };
}

describe('takeSnapshot for a cmi5 course of the whole project', () => {
  it('takes every lesson in lesson order, each with its newest up-to-date render and its own title', async () => {
    const { source, lessons } = projectSource();
    const forces = lessons[1] as Lesson;
    const snapshot = await takeSnapshot(source, forces.id, {
      ...testSnapshot(dirs[0] as string).settings,
      format: 'cmi5',
      courseScope: 'project',
      renderIds: [idOf(201)],
      title: 'Physics',
    });
    expect(
      snapshot.course?.map((au) => [au.lesson.title, au.settings.title, au.renders.map((render) => render.id)]),
    ).toEqual([
      ['Motion', 'Motion', [idOf(200)]],
      ['Forces', 'Physics', [idOf(201)]],
      ['Energy', 'Energy', [idOf(202)]],
    ]);
    expect(Object.isFrozen(snapshot.course)).toBe(true);
  });

  it('names the lesson that has no up-to-date render, and refuses a whole project in any other format', async () => {
    const { source, lessons } = projectSource('Energy');
    const settings = {
      ...testSnapshot(dirs[0] as string).settings,
      renderIds: [idOf(200)],
      courseScope: 'project' as const,
    };
    await expect(takeSnapshot(source, (lessons[0] as Lesson).id, { ...settings, format: 'cmi5' })).rejects.toThrow(
      /“Energy” has no up-to-date render/,
    );
    const refused = takeSnapshot(source, (lessons[0] as Lesson).id, { ...settings, format: 'scorm2004' });
    await expect(refused).rejects.toBeInstanceOf(StudioError);
    await expect(refused).rejects.toThrow(/Only a cmi5 course/);
  });
});

describe('isUpToDate', () => {
  it('keeps a render current through edits it does not show (notes, captions), not through a cut', () => {
    const dir = tempDir();
    dirs.push(dir);
    const render = { ...testSnapshot(dir).renders[0], status: 'ready', revision: 4 } as Render;
    const doc = (revision: number, pictureRevision: number) => ({ takeId: render.takeId, revision, pictureRevision });
    expect(isUpToDate(render, doc(4, 4))).toBe(true);
    expect(isUpToDate(render, doc(9, 4))).toBe(true);
    expect(isUpToDate(render, doc(9, 7))).toBe(false);
    expect(isUpToDate(render, doc(3, 3))).toBe(false);
    expect(isUpToDate(render, { takeId: idOf(999), revision: 4, pictureRevision: 4 })).toBe(false);
  });
});
