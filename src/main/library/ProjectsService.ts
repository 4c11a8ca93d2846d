import fs from 'node:fs';
import path from 'node:path';
import { randomUUID } from 'node:crypto';
import type { Contract, ServiceHandlers, Input } from '@shared/contract';
import { TITLE_MAX, type Project } from '@shared/library/schemas';
import { foldForSearch, matchesWords, searchWords } from '@shared/library/search';
import type { ProjectPage } from '@shared/contract/projects';
import { copyTitle, sortProjects } from '@shared/library/ordering';
import type { StudioDatabase } from '../store/database';
import type { EventHub } from '../rpc/eventHub';
import type { JobRegistry } from '../jobs/JobRegistry';
import type { Statement } from 'better-sqlite3';
import { LibraryRows, withoutLessonTitles, type ProjectListing } from './rows';

const FOLDED_TEXTS_MAX = 50_000;

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
  private readonly foldedTexts = new Map<string, string>();
  private readonly listingCache = new Map<string, ProjectListing[]>();
  private listingStamp = '';
  private readonly totalChanges: Statement;

  constructor(private readonly deps: LibraryDeps) {
    this.rows = new LibraryRows(deps.db);
    this.now = deps.now ?? Date.now;
    this.totalChanges = deps.db.prepare('SELECT total_changes() AS n');
  }

  /** One page of the view, searched and sorted over all of it; only the page's rows are read in full. */
  list(input: Input<'projects', 'list'>): ProjectPage {
    const words = searchWords(input.query);
    const listings = this.listings(input.view === 'trash', words.length > 0);
    const found = words.length === 0 ? listings : listings.filter((row) => matchesWords(this.folded(row.text), words));
    const page = sortProjects(found, input.sort).slice(input.offset, input.offset + input.limit);
    return { items: this.rows.projectsByIds(page.map((row) => row.id)), total: found.length };
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
    const noteFolders = db
      .prepare(
        `SELECT l.project_id || '/notes/' || l.id AS folder FROM lessons l JOIN projects p ON p.id = l.project_id
         WHERE p.trashed_at IS NULL AND l.trashed_at IS NOT NULL`,
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
      ...noteFolders.map((row) => row.folder),
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

  /**
   * The view's listings, read again only when the database has changed since: reading 10,000 rows with their
   * lessons' titles takes 40-140 ms, so each keystroke of a search would. Changed means a write by this connection
   * (total_changes()) or a commit by any other (PRAGMA data_version), so the answer is never stale.
   */
  private listings(trashed: boolean, withText: boolean): ProjectListing[] {
    const stamp = `${String(this.deps.db.pragma('data_version', { simple: true }))}:${String(
      (this.totalChanges.get() as { n: number }).n,
    )}`;
    if (stamp !== this.listingStamp) {
      this.listingCache.clear();
      this.listingStamp = stamp;
    }
    const key = `${String(trashed)}:${String(withText)}`;
    let found = this.listingCache.get(key);
    if (!found) {
      found = this.rows.listings(trashed, withText);
      this.listingCache.set(key, found);
    }
    return found;
  }

  /**
   * A project's text folded for search, remembered by the text itself, so it is never stale: a keystroke over
   * 10,000 projects then costs a lookup each instead of a Unicode normalisation each. Forgotten when it grows
   * well past the library (old texts of renamed projects).
   */
  private folded(text: string): string {
    let folded = this.foldedTexts.get(text);
    if (folded === undefined) {
      if (this.foldedTexts.size > FOLDED_TEXTS_MAX) this.foldedTexts.clear();
      folded = foldForSearch(text);
      this.foldedTexts.set(text, folded);
    }
    return folded;
  }

  private changed(projectId: string): void {
    this.deps.events.emit('projects', 'onDidChange', { projectId });
  }
}
