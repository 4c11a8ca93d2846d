import type { Lesson, Project } from '@shared/library/schemas';
import { StudioError } from '@shared/contract/result';
import type { StudioDatabase } from '../store/database';
import { camelRow } from '../store/rows';

interface ProjectRow {
  id: string;
  title: string;
  description: string;
  created_at: number;
  updated_at: number;
  trashed_at: number | null;
  lesson_count: number;
  lesson_titles: string | null;
}

interface LessonRow {
  id: string;
  project_id: string;
  title: string;
  position: number;
  created_at: number;
  updated_at: number;
  trashed_at: number | null;
}

export interface ProjectWithLessonTitles extends Project {
  lessonTitles: string[];
}

const PROJECT_SELECT = `
  SELECT p.id, p.title, p.description, p.created_at, p.updated_at, p.trashed_at,
    (SELECT COUNT(*) FROM lessons l WHERE l.project_id = p.id AND l.trashed_at IS NULL) AS lesson_count,
    (SELECT group_concat(l.title, char(10)) FROM lessons l WHERE l.project_id = p.id AND l.trashed_at IS NULL) AS lesson_titles
  FROM projects p`;

function toProject({ lesson_titles: titles, ...row }: ProjectRow): ProjectWithLessonTitles {
  return { ...camelRow(row), lessonTitles: titles ? titles.split('\n') : [] };
}

export function withoutLessonTitles({ lessonTitles: _omit, ...project }: ProjectWithLessonTitles): Project {
  return project;
}

function toLesson(row: LessonRow): Lesson {
  return camelRow(row);
}

/** What the library's list sorts and searches on, for every project of a view; the page's rows are read after. */
export interface ProjectListing {
  id: string;
  title: string;
  updatedAt: number;
  /** Title, description and lesson titles, one per line (only when asked for, to search). */
  text: string;
}

/** Typed reads shared by the project and lesson services. */
export class LibraryRows {
  constructor(private readonly db: StudioDatabase) {}

  projects(trashed: boolean): ProjectWithLessonTitles[] {
    const where = trashed ? 'p.trashed_at IS NOT NULL' : 'p.trashed_at IS NULL';
    return (this.db.prepare(`${PROJECT_SELECT} WHERE ${where}`).all() as ProjectRow[]).map(toProject);
  }

  /**
   * Every project of a view, light: id, title and time, and the text to search when `withText`. Ten thousand take a
   * few milliseconds, where the full rows (lesson counts and titles) took a third of a second.
   */
  listings(trashed: boolean, withText: boolean): ProjectListing[] {
    const where = trashed ? 'p.trashed_at IS NOT NULL' : 'p.trashed_at IS NULL';
    const text = withText
      ? `p.title || char(10) || p.description || char(10) || coalesce((SELECT group_concat(l.title, char(10)) FROM lessons l
           WHERE l.project_id = p.id AND l.trashed_at IS NULL), '')`
      : "''";
    const rows = this.db
      .prepare(`SELECT p.id, p.title, p.updated_at AS updatedAt, ${text} AS text FROM projects p WHERE ${where}`)
      .all() as ProjectListing[];
    return rows;
  }

  /** Full rows for these ids, in the order given (ids that no longer exist are left out). */
  projectsByIds(ids: readonly string[]): Project[] {
    if (ids.length === 0) return [];
    const rows = this.db
      .prepare(`${PROJECT_SELECT} WHERE p.id IN (SELECT value FROM json_each(?))`)
      .all(JSON.stringify(ids)) as ProjectRow[];
    const byId = new Map(rows.map((row) => [row.id, withoutLessonTitles(toProject(row))]));
    return ids.flatMap((id) => byId.get(id) ?? []);
  }

  project(id: string): Project {
    const row = this.db.prepare(`${PROJECT_SELECT} WHERE p.id = ?`).get(id) as ProjectRow | undefined;
    if (!row) throw new StudioError('not_found', 'That project no longer exists');
    return withoutLessonTitles(toProject(row));
  }

  /** The project, refusing one in the trash: its lessons cannot change until it is restored. */
  activeProject(id: string): Project {
    const project = this.project(id);
    if (project.trashedAt !== null)
      throw new StudioError('conflict', `“${project.title}” is in the trash; restore it first`);
    return project;
  }

  lesson(id: string): Lesson {
    const row = this.db.prepare('SELECT * FROM lessons WHERE id = ?').get(id) as LessonRow | undefined;
    if (!row) throw new StudioError('not_found', 'That lesson no longer exists');
    return toLesson(row);
  }

  activeLessons(projectId: string): Lesson[] {
    const rows = this.db
      .prepare('SELECT * FROM lessons WHERE project_id = ? AND trashed_at IS NULL ORDER BY position, created_at')
      .all(projectId) as LessonRow[];
    return rows.map(toLesson);
  }

  trashedLessons(projectId: string): Lesson[] {
    const rows = this.db
      .prepare('SELECT * FROM lessons WHERE project_id = ? AND trashed_at IS NOT NULL ORDER BY trashed_at DESC')
      .all(projectId) as LessonRow[];
    return rows.map(toLesson);
  }

  /** Rewrites positions 0..n-1 in the given order and marks the project as changed. */
  writeOrder(projectId: string, lessonIds: readonly string[], now: number): void {
    const setPosition = this.db.prepare('UPDATE lessons SET position = ? WHERE id = ?');
    lessonIds.forEach((id, index) => setPosition.run(index, id));
    this.touchProject(projectId, now);
  }

  touchProject(projectId: string, now: number): void {
    this.db.prepare('UPDATE projects SET updated_at = ? WHERE id = ?').run(now, projectId);
  }
}
