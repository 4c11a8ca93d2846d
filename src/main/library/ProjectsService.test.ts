import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import Database from 'better-sqlite3';
import type { Lesson, Project } from '@shared/library/schemas';
import { PROJECT_PAGE_MAX, type ProjectPage } from '@shared/contract/projects';
import { callStudio as call, tempStudio } from '../testing/tempStudio';
import type { Studio } from '../studio';

function recordEvents(studio: Studio): string[] {
  const seen: string[] = [];
  studio.events.listen((channel) => seen.push(channel));
  return seen;
}

describe('ProjectsService', () => {
  it('creates, reads back and updates a project', async () => {
    const studio = tempStudio();
    const created = await call<Project>(studio, 'projects', 'create', { title: 'Cell biology', description: 'Unit 3' });
    expect(created).toMatchObject({ title: 'Cell biology', description: 'Unit 3', lessonCount: 0, trashedAt: null });
    const renamed = await call<Project>(studio, 'projects', 'update', { id: created.id, title: 'Cell biology II' });
    expect(renamed).toMatchObject({ title: 'Cell biology II', description: 'Unit 3' });
    expect(renamed.updatedAt).toBeGreaterThanOrEqual(created.updatedAt);
    await expect(call(studio, 'projects', 'get', { id: created.id })).resolves.toEqual(renamed);
  });

  it('emits onDidChange for every change', async () => {
    const studio = tempStudio();
    const seen = recordEvents(studio);
    const project = await call<Project>(studio, 'projects', 'create', { title: 'A' });
    await call(studio, 'projects', 'update', { id: project.id, description: 'x' });
    expect(seen).toEqual(['app:projects.onDidChange', 'app:projects.onDidChange']);
  });

  it('answers not_found for an unknown project', async () => {
    const studio = tempStudio();
    const result = await studio.dispatcher.dispatch('app:projects.get', { id: '3f1b8f0e-8c1c-4f39-9a52-0b6f1f0f4a11' });
    expect(result).toMatchObject({ ok: false, error: { code: 'not_found' } });
  });

  it('searches titles, descriptions and lesson titles, ignoring case and accents', async () => {
    const studio = tempStudio();
    const eco = await call<Project>(studio, 'projects', 'create', { title: 'Écologie', description: 'Food webs' });
    const algebra = await call<Project>(studio, 'projects', 'create', { title: 'Algebra' });
    await call(studio, 'lessons', 'add', { projectId: algebra.id, title: 'Quadratic equations' });
    const titles = async (query: string) =>
      (await call<ProjectPage>(studio, 'projects', 'list', { query })).items.map((p) => p.title);
    expect(await titles('ecologie')).toEqual(['Écologie']);
    expect(await titles('FOOD')).toEqual(['Écologie']);
    expect(await titles('quadratic')).toEqual(['Algebra']);
    expect(await titles('nothing here')).toEqual([]);
    expect((await titles('')).sort()).toEqual(['Algebra', 'Écologie']);
    expect(eco.id).not.toBe(algebra.id);
  });

  it('sorts by last change or by title with numbers read as numbers', async () => {
    let clock = 1000;
    const studio = tempStudio();
    const titles = ['Unit 10', 'Unit 2', 'algebra'];
    for (const title of titles) await call(studio, 'projects', 'create', { title });
    // Time passes between creations in real use; force distinct stamps so the order is not a tie.
    studio.db.prepare('UPDATE projects SET updated_at = ? WHERE title = ?').run((clock += 10), 'Unit 2');
    studio.db.prepare('UPDATE projects SET updated_at = ? WHERE title = ?').run((clock += 10), 'algebra');
    studio.db.prepare('UPDATE projects SET updated_at = ? WHERE title = ?').run(clock + 10, 'Unit 10');
    const list = async (sort: string) =>
      (await call<ProjectPage>(studio, 'projects', 'list', { sort })).items.map((p) => p.title);
    expect(await list('updated')).toEqual(['Unit 10', 'algebra', 'Unit 2']);
    expect(await list('title')).toEqual(['algebra', 'Unit 2', 'Unit 10']);
  });

  it('answers a page at a time, searched and sorted over the whole view, with how many match in all', async () => {
    const studio = tempStudio();
    for (let n = 1; n <= 25; n += 1) await call(studio, 'projects', 'create', { title: `Unit ${n}` });
    const trashed = await call<Project>(studio, 'projects', 'create', { title: 'Unit 99' });
    await call(studio, 'projects', 'trash', { id: trashed.id });
    const page = (offset: number, limit: number, query = '') =>
      call<ProjectPage>(studio, 'projects', 'list', { sort: 'title', offset, limit, query });
    const first = await page(0, 10);
    expect(first.total).toBe(25);
    expect(first.items.map((p) => p.title)).toEqual(Array.from({ length: 10 }, (_, i) => `Unit ${i + 1}`));
    expect((await page(20, 10)).items.map((p) => p.title)).toEqual([
      'Unit 21',
      'Unit 22',
      'Unit 23',
      'Unit 24',
      'Unit 25',
    ]);
    expect(await page(30, 10)).toEqual({ items: [], total: 25 });
    const searched = await page(1, 2, 'unit 2');
    // Every word anywhere: "Unit 2", "Unit 12" and "Unit 20" to "Unit 25".
    expect(searched.total).toBe(8);
    expect(searched.items.map((p) => p.title)).toEqual(['Unit 12', 'Unit 20']);
    expect(searched.items[0]).toMatchObject({ lessonCount: 0, trashedAt: null });
  });

  it('lists what the database holds now, whoever changed it: this connection without an event, or another process', async () => {
    const studio = tempStudio();
    const titles = async (query = '') =>
      (await call<ProjectPage>(studio, 'projects', 'list', { query, sort: 'title' })).items.map((p) => p.title);
    const project = await call<Project>(studio, 'projects', 'create', { title: 'Optics' });
    expect(await titles()).toEqual(['Optics']);
    expect(await titles('light')).toEqual([]);
    studio.db.prepare('UPDATE projects SET title = ? WHERE id = ?').run('Light and optics', project.id);
    expect(await titles()).toEqual(['Light and optics']);
    expect(await titles('light')).toEqual(['Light and optics']);
    const other = new Database(path.join(studio.dataDir, 'library.sqlite'));
    try {
      other.prepare('UPDATE projects SET title = ? WHERE id = ?').run('Waves', project.id);
    } finally {
      other.close();
    }
    expect(await titles()).toEqual(['Waves']);
    expect(await titles('light')).toEqual([]);
  });

  it('refuses a page larger than the contract allows', async () => {
    const studio = tempStudio();
    const result = await studio.dispatcher.dispatch('app:projects.list', { limit: PROJECT_PAGE_MAX + 1 });
    expect(result).toMatchObject({ ok: false, error: { code: 'invalid_input' } });
  });

  it('duplicates a project with its lessons in order under a fresh title', async () => {
    const studio = tempStudio();
    const source = await call<Project>(studio, 'projects', 'create', { title: 'Optics', description: 'Light' });
    for (const title of ['Reflection', 'Refraction'])
      await call(studio, 'lessons', 'add', { projectId: source.id, title });
    const copy = await call<Project>(studio, 'projects', 'duplicate', { id: source.id });
    const again = await call<Project>(studio, 'projects', 'duplicate', { id: source.id });
    expect(copy).toMatchObject({ title: 'Optics (copy)', description: 'Light', lessonCount: 2 });
    expect(again.title).toBe('Optics (copy 2)');
    const lessons = await call<Lesson[]>(studio, 'lessons', 'list', { projectId: copy.id });
    expect(lessons.map((lesson) => lesson.title)).toEqual(['Reflection', 'Refraction']);
    expect(lessons.every((lesson) => lesson.projectId === copy.id)).toBe(true);
  });

  it('moves a project to the trash and back', async () => {
    const studio = tempStudio();
    const project = await call<Project>(studio, 'projects', 'create', { title: 'Waves' });
    const trashed = await call<Project>(studio, 'projects', 'trash', { id: project.id });
    expect(trashed.trashedAt).not.toBeNull();
    expect(await call<ProjectPage>(studio, 'projects', 'list', {})).toEqual({ items: [], total: 0 });
    expect((await call<ProjectPage>(studio, 'projects', 'list', { view: 'trash' })).items.map((p) => p.id)).toEqual([
      project.id,
    ]);
    const restored = await call<Project>(studio, 'projects', 'restore', { id: project.id });
    expect(restored.trashedAt).toBeNull();
    expect(await call<ProjectPage>(studio, 'projects', 'list', { view: 'trash' })).toEqual({ items: [], total: 0 });
  });

  it('empties the trash for good: trashed projects, their media, and trashed lessons of kept projects', async () => {
    const studio = tempStudio();
    const doomed = await call<Project>(studio, 'projects', 'create', { title: 'Old' });
    await call(studio, 'lessons', 'add', { projectId: doomed.id, title: 'Old lesson' });
    const kept = await call<Project>(studio, 'projects', 'create', { title: 'Kept' });
    const keptLesson = await call<Lesson>(studio, 'lessons', 'add', { projectId: kept.id, title: 'Stays' });
    const goneLesson = await call<Lesson>(studio, 'lessons', 'add', { projectId: kept.id, title: 'Goes' });
    await call(studio, 'lessons', 'trash', { id: goneLesson.id });
    await call(studio, 'projects', 'trash', { id: doomed.id });
    const mediaDir = path.join(studio.mediaRoot, doomed.id);
    fs.mkdirSync(mediaDir, { recursive: true });
    fs.writeFileSync(path.join(mediaDir, 'take.mp4'), 'x');

    // The doomed project's own lesson goes with it by cascade; only trashed lessons are counted as lessons.
    await expect(call(studio, 'projects', 'trashSummary', {})).resolves.toEqual({
      projects: 1,
      lessons: 1,
      takes: 0,
      projectTitles: ['Old'],
    });
    await expect(call(studio, 'projects', 'emptyTrash', {})).resolves.toEqual({ projects: 1, lessons: 1, takes: 0 });
    expect(fs.existsSync(mediaDir)).toBe(false);
    expect(studio.db.prepare('SELECT COUNT(*) AS n FROM lessons WHERE project_id = ?').get(doomed.id)).toEqual({
      n: 0,
    });
    const left = await call<Lesson[]>(studio, 'lessons', 'list', { projectId: kept.id });
    expect(left.map((lesson) => lesson.id)).toEqual([keptLesson.id]);
  });
});
