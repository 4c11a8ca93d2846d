import fs from 'node:fs';
import path from 'node:path';
import { randomUUID } from 'node:crypto';
import type { Contract, ServiceHandlers, Input } from '@shared/contract';
import { TITLE_MAX, type Project } from '@shared/library/schemas';
import { matchesQuery } from '@shared/library/search';
import { copyTitle, sortProjects } from '@shared/library/ordering';
import type { StudioDatabase } from '../store/database';
import type { EventHub } from '../rpc/eventHub';
import type { JobRegistry } from '../jobs/JobRegistry';
import { LibraryRows, withoutLessonTitles } from './rows';

export interface LibraryDeps {
  db: StudioDatabase;
  events: EventHub<Contract>;
  /** Root of the media tree; a project's files live in `<mediaRoot>/<projectId>`. */
  mediaRoot: string;
  /** The studio's one registry of long jobs; a service standing alone (in a test) gets its own. */
  jobs?: JobRegistry;
  now?: () => number;
}

export class ProjectsService implements ServiceHandlers<Contract['projects']> {
  private readonly rows: LibraryRows;
  private readonly now: () => number;

  constructor(private readonly deps: LibraryDeps) {
    this.rows = new LibraryRows(deps.db);
    this.now = deps.now ?? Date.now;
  }

  list(input: Input<'projects', 'list'>): Project[] {
    const found = this.rows
      .projects(input.view === 'trash')
      .filter((project) => matchesQuery([project.title, project.description, ...project.lessonTitles], input.query))
      .map(withoutLessonTitles);
    return sortProjects(found, input.sort);
  }

  get(input: Input<'projects', 'get'>): Project {
    return this.rows.project(input.id);
  }

  create(input: Input<'projects', 'create'>): Project {
    const id = randomUUID();
    const now = this.now();
    this.deps.db
      .prepare('INSERT INTO projects (id, title, description, created_at, updated_at) VALUES (?, ?, ?, ?, ?)')
      .run(id, input.title, input.description, now, now);
    this.changed(id);
    return this.rows.project(id);
  }

  update(input: Input<'projects', 'update'>): Project {
    const current = this.rows.project(input.id);
    this.deps.db
      .prepare('UPDATE projects SET title = ?, description = ?, updated_at = ? WHERE id = ?')
      .run(input.title ?? current.title, input.description ?? current.description, this.now(), input.id);
    this.changed(input.id);
    return this.rows.project(input.id);
  }

  duplicate(input: Input<'projects', 'duplicate'>): Project {
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

  trash(input: Input<'projects', 'trash'>): Project {
    this.rows.project(input.id);
    this.deps.db
      .prepare('UPDATE projects SET trashed_at = ? WHERE id = ? AND trashed_at IS NULL')
      .run(this.now(), input.id);
    this.changed(input.id);
    return this.rows.project(input.id);
  }

  restore(input: Input<'projects', 'restore'>): Project {
    this.rows.project(input.id);
    this.deps.db
      .prepare('UPDATE projects SET trashed_at = NULL, updated_at = ? WHERE id = ?')
      .run(this.now(), input.id);
    this.changed(input.id);
    return this.rows.project(input.id);
  }

  trashSummary(_input: Input<'projects', 'trashSummary'>): {
    projects: number;
    lessons: number;
    takes: number;
    projectTitles: string[];
  } {
    const trashed = sortProjects(this.rows.projects(true).map(withoutLessonTitles), 'title');
    return { ...this.trashCounts(), projectTitles: trashed.map((project) => project.title) };
  }

  /**
   * Deletes for good every trashed project, every lesson and take deleted one by one, and their media. Rows go in
   * one transaction; files go after it commits, so a failure never leaves a row pointing at deleted media.
   */
  emptyTrash(_input: Input<'projects', 'emptyTrash'>): { projects: number; lessons: number; takes: number } {
    const { db, mediaRoot } = this.deps;
    const counts = this.trashCounts();
    const projectFolders = (
      db.prepare('SELECT id FROM projects WHERE trashed_at IS NOT NULL').all() as { id: string }[]
    ).map((row) => row.id);
    const takeFolders = db
      .prepare(
        `SELECT l.project_id || '/' || t.id AS folder FROM takes t JOIN lessons l ON l.id = t.lesson_id JOIN projects p ON p.id = l.project_id
         WHERE p.trashed_at IS NULL AND (t.trashed_at IS NOT NULL OR l.trashed_at IS NOT NULL)`,
      )
      .all() as { folder: string }[];
    // A lesson trashed on its own leaves its project's folder in place, so its captions files go one by one.
    const captionFiles = db
      .prepare(
        'SELECT c.path AS folder FROM captions c JOIN lessons l ON l.id = c.lesson_id JOIN projects p ON p.id = l.project_id WHERE p.trashed_at IS NULL AND l.trashed_at IS NOT NULL',
      )
      .all() as { folder: string }[];
    db.transaction(() => {
      db.prepare("DELETE FROM takes WHERE trashed_at IS NOT NULL AND status = 'ready'").run();
      db.prepare('DELETE FROM lessons WHERE trashed_at IS NOT NULL').run();
      db.prepare('DELETE FROM projects WHERE trashed_at IS NOT NULL').run();
    })();
    for (const folder of [
      ...projectFolders,
      ...takeFolders.map((row) => row.folder),
      ...captionFiles.map((row) => row.folder),
    ]) {
      fs.rmSync(path.join(mediaRoot, ...folder.split('/')), { recursive: true, force: true });
    }
    this.deps.events.emit('projects', 'onDidChange', { projectId: null });
    return counts;
  }

  /** Counts as the teacher sees them: a trashed project's own lessons and takes go with it and are not counted. */
  private trashCounts(): { projects: number; lessons: number; takes: number } {
    const count = (sql: string) => (this.deps.db.prepare(sql).get() as { n: number }).n;
    return {
      projects: count('SELECT COUNT(*) AS n FROM projects WHERE trashed_at IS NOT NULL'),
      lessons: count(
        'SELECT COUNT(*) AS n FROM lessons l JOIN projects p ON p.id = l.project_id WHERE l.trashed_at IS NOT NULL AND p.trashed_at IS NULL',
      ),
      takes: count(
        `SELECT COUNT(*) AS n FROM takes t JOIN lessons l ON l.id = t.lesson_id JOIN projects p ON p.id = l.project_id
         WHERE t.trashed_at IS NOT NULL AND l.trashed_at IS NULL AND p.trashed_at IS NULL`,
      ),
    };
  }

  private changed(projectId: string): void {
    this.deps.events.emit('projects', 'onDidChange', { projectId });
  }
}
