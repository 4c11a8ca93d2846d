import fs from 'node:fs';
import { afterEach, describe, expect, it } from 'vitest';
import type { Lesson } from '@shared/library/schemas';
import type { Render } from '@shared/media/renders';
import { blankDocument, idOf } from '@shared/editor/testDocuments.testkit';
import { StudioError } from '@shared/contract/result';
import { takeSnapshot, type SnapshotSource } from './snapshot';
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

describe('takeSnapshot for a Common Cartridge', () => {
  const cartridge = (cartridgeLessons: 'link' | 'linkOrWeb' | 'web') => ({
    ...testSnapshot(dirs[0] as string).settings,
    format: 'cc' as const,
    renderIds: [],
    title: 'Physics',
    cartridgeLessons,
  });
  /** Motion and Forces on the class server; Energy, never published there, has no up-to-date render either. */
  const withServer = () => {
    const made = projectSource('Energy');
    const urls: Record<string, string> = {
      [(made.lessons[0] as Lesson).id]: 'https://class.example.org/l/motion1',
      [(made.lessons[1] as Lesson).id]: 'https://class.example.org/l/forces1',
    };
    return { ...made, source: { ...made.source, classServerUrl: (id: string) => urls[id] ?? null } };
  };

  it('links the lessons on the class server, needing no render of them, and keeps the cartridge’s own title', async () => {
    const { source, lessons } = withServer();
    const snapshot = await takeSnapshot(source, (lessons[1] as Lesson).id, cartridge('linkOrWeb')).catch(
      (error: unknown) => error,
    );
    // Energy goes in as web content, so it needs its render: the cartridge names it.
    expect(String(snapshot)).toMatch(/“Energy” has no up-to-date render, so the cartridge cannot include it/);
    const linked = await takeSnapshot(
      { ...source, listLessons: () => lessons.slice(0, 2) },
      (lessons[1] as Lesson).id,
      cartridge('link'),
    );
    expect(linked.settings.title).toBe('Physics');
    expect(linked.course?.map((lesson) => [lesson.lesson.title, lesson.lessonUrl, lesson.renders.length])).toEqual([
      ['Motion', 'https://class.example.org/l/motion1', 0],
      ['Forces', 'https://class.example.org/l/forces1', 0],
    ]);
  });

  it('refuses links for lessons not on the class server, naming them; web content takes every lesson’s render', async () => {
    const { source, lessons } = withServer();
    await expect(takeSnapshot(source, (lessons[0] as Lesson).id, cartridge('link'))).rejects.toThrow(
      /^“Energy” is not on the class server, so the cartridge cannot link to it\./,
    );
    const rendered = projectSource();
    const web = await takeSnapshot(
      { ...rendered.source, classServerUrl: () => 'https://class.example.org/l/x1' },
      (rendered.lessons[0] as Lesson).id,
      cartridge('web'),
    );
    expect(web.course?.map((lesson) => [lesson.lessonUrl, lesson.renders.map((render) => render.id)])).toEqual([
      [null, [idOf(200)]],
      [null, [idOf(201)]],
      [null, [idOf(202)]],
    ]);
  });
});
