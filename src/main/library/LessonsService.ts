import { randomUUID } from 'node:crypto';
import type { Contract, ServiceHandlers, Input } from '@shared/contract';
import type { Lesson, Project } from '@shared/library/schemas';
import { moveItem } from '@shared/library/ordering';
import { LibraryRows } from './rows';
import type { LibraryDeps } from './ProjectsService';

export class LessonsService implements ServiceHandlers<Contract['lessons']> {
  private readonly rows: LibraryRows;
  private readonly now: () => number;

  constructor(private readonly deps: LibraryDeps) {
    this.rows = new LibraryRows(deps.db);
    this.now = deps.now ?? Date.now;
  }

  list(input: Input<'lessons', 'list'>): Lesson[] {
    this.rows.project(input.projectId);
    return input.view === 'trash'
      ? this.rows.trashedLessons(input.projectId)
      : this.rows.activeLessons(input.projectId);
  }

  get(input: Input<'lessons', 'get'>): { lesson: Lesson; project: Project } {
    const lesson = this.rows.lesson(input.id);
    return { lesson, project: this.rows.project(lesson.projectId) };
  }

  add(input: Input<'lessons', 'add'>): Lesson {
    this.rows.activeProject(input.projectId);
    const id = randomUUID();
    const now = this.now();
    const insert = this.deps.db.transaction(() => {
      const position = this.rows.activeLessons(input.projectId).length;
      this.deps.db
        .prepare(
          'INSERT INTO lessons (id, project_id, title, position, created_at, updated_at) VALUES (?, ?, ?, ?, ?, ?)',
        )
        .run(id, input.projectId, input.title, position, now, now);
      this.rows.touchProject(input.projectId, now);
    });
    insert();
    this.changed(input.projectId);
    return this.rows.lesson(id);
  }

  rename(input: Input<'lessons', 'rename'>): Lesson {
    const lesson = this.rows.lesson(input.id);
    this.rows.activeProject(lesson.projectId);
    const now = this.now();
    this.deps.db.transaction(() => {
      this.deps.db.prepare('UPDATE lessons SET title = ?, updated_at = ? WHERE id = ?').run(input.title, now, input.id);
      this.rows.touchProject(lesson.projectId, now);
    })();
    this.changed(lesson.projectId);
    return this.rows.lesson(input.id);
  }

  move(input: Input<'lessons', 'move'>): Lesson[] {
    const lesson = this.rows.lesson(input.id);
    this.rows.activeProject(lesson.projectId);
    const ids = this.rows.activeLessons(lesson.projectId).map((each) => each.id);
    const from = ids.indexOf(input.id);
    if (from === -1) return this.list({ projectId: lesson.projectId, view: 'active' });
    this.deps.db.transaction(() =>
      this.rows.writeOrder(lesson.projectId, moveItem(ids, from, input.toIndex), this.now()),
    )();
    this.changed(lesson.projectId);
    return this.rows.activeLessons(lesson.projectId);
  }

  trash(input: Input<'lessons', 'trash'>): Lesson {
    const lesson = this.rows.lesson(input.id);
    this.rows.activeProject(lesson.projectId);
    const now = this.now();
    this.deps.db.transaction(() => {
      this.deps.db.prepare('UPDATE lessons SET trashed_at = ? WHERE id = ? AND trashed_at IS NULL').run(now, input.id);
      const remaining = this.rows.activeLessons(lesson.projectId).map((each) => each.id);
      this.rows.writeOrder(lesson.projectId, remaining, now);
    })();
    this.changed(lesson.projectId);
    return this.rows.lesson(input.id);
  }

  /** Brings a lesson back from the trash at the end of its project's list. */
  restore(input: Input<'lessons', 'restore'>): Lesson {
    const lesson = this.rows.lesson(input.id);
    this.rows.activeProject(lesson.projectId);
    if (lesson.trashedAt === null) return lesson;
    const now = this.now();
    this.deps.db.transaction(() => {
      const position = this.rows.activeLessons(lesson.projectId).length;
      this.deps.db
        .prepare('UPDATE lessons SET trashed_at = NULL, position = ?, updated_at = ? WHERE id = ?')
        .run(position, now, input.id);
      this.rows.touchProject(lesson.projectId, now);
    })();
    this.changed(lesson.projectId);
    return this.rows.lesson(input.id);
  }

  private changed(projectId: string): void {
    this.deps.events.emit('lessons', 'onDidChange', { projectId });
    this.deps.events.emit('projects', 'onDidChange', { projectId });
  }
}
