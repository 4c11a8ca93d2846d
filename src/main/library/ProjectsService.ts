import fs from 'node:fs';
import path from 'node:path';
import { randomUUID } from 'node:crypto';
import type { Contract, ServiceHandlers } from '../../shared/contract';
import { TITLE_MAX, type Project } from '../../shared/library/schemas';
import { matchesQuery } from '../../shared/library/search';
import { copyTitle, sortProjects } from '../../shared/library/ordering';
import type { StudioDatabase } from '../store/database';
import type { EventHub } from '../rpc/eventHub';
import { LibraryRows, withoutLessonTitles } from './rows';

type Input<K extends keyof Contract['projects']['calls']> = Parameters<ServiceHandlers<Contract['projects']>[K]>[0];

export interface LibraryDeps {
  db: StudioDatabase;
  events: EventHub<Contract>;
  /** Root of the media tree; a project's files live in `<mediaRoot>/<projectId>`. */
  mediaRoot: string;
  now?: () => number;
}

export class ProjectsService implements ServiceHandlers<Contract['projects']> {
  private readonly rows: LibraryRows;
  private readonly now: () => number;

  constructor(private readonly deps: LibraryDeps) {
    this.rows = new LibraryRows(deps.db);
    this.now = deps.now ?? Date.now;
  }

  list(input: Input<'list'>): Project[] {
    const found = this.rows
      .projects(input.view === 'trash')
      .filter((project) => matchesQuery([project.title, project.description, ...project.lessonTitles], input.query))
      .map(withoutLessonTitles);
    return sortProjects(found, input.sort);
  }

  get(input: Input<'get'>): Project {
    return this.rows.project(input.id);
  }

  create(input: Input<'create'>): Project {
    const id = randomUUID();
    const now = this.now();
    this.deps.db
      .prepare('INSERT INTO projects (id, title, description, created_at, updated_at) VALUES (?, ?, ?, ?, ?)')
      .run(id, input.title, input.description, now, now);
    this.changed(id);
    return this.rows.project(id);
  }

  update(input: Input<'update'>): Project {
    const current = this.rows.project(input.id);
    this.deps.db
      .prepare('UPDATE projects SET title = ?, description = ?, updated_at = ? WHERE id = ?')
      .run(input.title ?? current.title, input.description ?? current.description, this.now(), input.id);
    this.changed(input.id);
    return this.rows.project(input.id);
  }

  duplicate(input: Input<'duplicate'>): Project {
    const source = this.rows.project(input.id);
    const taken = new Set(this.rows.projects(false).map((project) => project.title));
    const id = randomUUID();
    const now = this.now();
    const copy = this.deps.db.transaction(() => {
      this.deps.db
        .prepare('INSERT INTO projects (id, title, description, created_at, updated_at) VALUES (?, ?, ?, ?, ?)')
        .run(id, copyTitle(source.title, taken, TITLE_MAX), source.description, now, now);
      const insertLesson = this.deps.db.prepare(
        'INSERT INTO lessons (id, project_id, title, position, created_at, updated_at) VALUES (?, ?, ?, ?, ?, ?)',
      );
      for (const lesson of this.rows.activeLessons(source.id)) {
        insertLesson.run(randomUUID(), id, lesson.title, lesson.position, now, now);
      }
    });
    copy();
    this.changed(id);
    return this.rows.project(id);
  }

  trash(input: Input<'trash'>): Project {
    this.rows.project(input.id);
    this.deps.db.prepare('UPDATE projects SET trashed_at = ? WHERE id = ? AND trashed_at IS NULL').run(this.now(), input.id);
    this.changed(input.id);
    return this.rows.project(input.id);
  }

  restore(input: Input<'restore'>): Project {
    this.rows.project(input.id);
    this.deps.db.prepare('UPDATE projects SET trashed_at = NULL, updated_at = ? WHERE id = ?').run(this.now(), input.id);
    this.changed(input.id);
    return this.rows.project(input.id);
  }

  /** Deletes for good every trashed project (with its media) and every trashed lesson. */
  emptyTrash(_input: Input<'emptyTrash'>): { projects: number; lessons: number } {
    const { db } = this.deps;
    const doomed = db.prepare('SELECT id FROM projects WHERE trashed_at IS NOT NULL').all() as { id: string }[];
    const purge = db.transaction(() => {
      const lessons = db.prepare('DELETE FROM lessons WHERE trashed_at IS NOT NULL').run().changes;
      const projects = db.prepare('DELETE FROM projects WHERE trashed_at IS NOT NULL').run().changes;
      return { projects, lessons };
    });
    const counts = purge();
    for (const { id } of doomed) fs.rmSync(path.join(this.deps.mediaRoot, id), { recursive: true, force: true });
    this.deps.events.emit('projects', 'onDidChange', { projectId: null });
    return counts;
  }

  private changed(projectId: string): void {
    this.deps.events.emit('projects', 'onDidChange', { projectId });
  }
}
