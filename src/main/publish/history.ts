import { createHash, randomUUID } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { StudioError } from '@shared/contract/result';
import type { LessonDocument } from '@shared/editor/document';
import type { PublishFormat } from '@shared/publish/options';
import type { PublishRecord } from '@shared/publish/history';
import { camelRow } from '../store/rows';
import type { StudioDatabase } from '../store/database';

interface PublishRow {
  id: string;
  lesson_id: string;
  format: PublishFormat;
  title: string;
  version: string;
  kind: PublishRecord['kind'];
  path: string | null;
  url: string | null;
  server_version: number | null;
  size_bytes: number;
  take_id: string;
  revision: number;
  content_key: string;
  published_at: number;
}

/** What a finished publish leaves in the history. */
export interface PublishedEntry {
  lessonId: string;
  format: PublishFormat;
  title: string;
  version: string;
  kind: PublishRecord['kind'];
  path: string | null;
  url?: string;
  serverVersion?: number;
  sizeBytes: number;
  /** The document the package was built from (the snapshot's). */
  document: LessonDocument;
  publishedAt: number;
}

/** Browser downloads of a web folder are zipped here, beside the exports, once per folder. */
export const DOWNLOADS_FOLDER = '.downloads';

/** Only what the publish job names (one entry straight under a project's exports folder) and its download zip. */
const OWN_PATH = /^[0-9a-f-]{36}\/exports\/(\.downloads\/)?[^/\\]+$/;

/**
 * A hash of everything learners get from the document (cuts, layout, callouts, questions, rules, notes, captions),
 * not of its revision: undoing back to what was published makes the lesson "as published" again.
 */
export function lessonContentKey(document: LessonDocument): string {
  const { revision: _revision, pictureRevision: _picture, ...content } = document;
  return createHash('sha256').update(sortedJson(content)).digest('hex').slice(0, 32);
}

function sortedJson(value: unknown): string {
  if (Array.isArray(value)) return `[${value.map(sortedJson).join(',')}]`;
  if (value !== null && typeof value === 'object')
    return `{${Object.entries(value)
      .filter(([, child]) => child !== undefined)
      .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))
      .map(([key, child]) => `${JSON.stringify(key)}:${sortedJson(child)}`)
      .join(',')}}`;
  return JSON.stringify(value);
}

/**
 * Each lesson's list of what was published. Deleting an entry removes its package from the library, and only
 * there: a path that is not a plain entry of the project's exports folder (a symlink, anything leading elsewhere) is
 * left alone and only the entry goes.
 */
export class PublishHistory {
  constructor(private readonly deps: { db: StudioDatabase; mediaRoot: string }) {}

  record(entry: PublishedEntry): string {
    const id = randomUUID();
    this.deps.db
      .prepare(
        `INSERT INTO publishes (id, lesson_id, format, title, version, kind, path, url, server_version, size_bytes,
           take_id, revision, content_key, published_at)
         VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
      )
      .run(
        id,
        entry.lessonId,
        entry.format,
        entry.title,
        entry.version,
        entry.kind,
        entry.path,
        entry.url ?? null,
        entry.serverVersion ?? null,
        entry.sizeBytes,
        entry.document.takeId,
        entry.document.revision,
        lessonContentKey(entry.document),
        entry.publishedAt,
      );
    return id;
  }

  /** Newest first, each saying whether the lesson (`current`, its document now) has changed since. */
  list(lessonId: string, current: LessonDocument | null): PublishRecord[] {
    const rows = this.deps.db
      .prepare('SELECT * FROM publishes WHERE lesson_id = ? ORDER BY published_at DESC, rowid DESC')
      .all(lessonId) as PublishRow[];
    const now = current ? { takeId: current.takeId, key: lessonContentKey(current) } : null;
    return rows.map((row) => {
      const { takeId: _take, revision: _revision, contentKey, serverVersion, ...rest } = camelRow(row);
      return {
        ...rest,
        serverVersion,
        changedSince: now === null || now.takeId !== row.take_id || now.key !== contentKey,
        missing: row.path !== null && this.ownEntry(row.path) === null,
      };
    });
  }

  /** The entry a path under the media root belongs to, if the history has one. */
  byPath(relative: string): PublishRecord | undefined {
    const row = this.deps.db.prepare('SELECT * FROM publishes WHERE path = ?').get(relative) as PublishRow | undefined;
    return row && this.list(row.lesson_id, null).find((record) => record.id === row.id);
  }

  /** Whether a path was ever an entry's (its name is then never given to another publish). */
  holds(relative: string): boolean {
    return this.deps.db.prepare('SELECT 1 FROM publishes WHERE path = ?').get(relative) !== undefined;
  }

  /** The version the lesson was last published as, to offer the next one. */
  lastVersion(lessonId: string): string | null {
    const row = this.deps.db
      .prepare('SELECT version FROM publishes WHERE lesson_id = ? ORDER BY published_at DESC, rowid DESC LIMIT 1')
      .get(lessonId) as { version: string } | undefined;
    return row?.version ?? null;
  }

  /** Removes the package (and the zip a browser download of it made) from the library, then the entry. */
  remove(id: string): { lessonId: string } {
    const row = this.deps.db.prepare('SELECT * FROM publishes WHERE id = ?').get(id) as PublishRow | undefined;
    if (!row) throw new StudioError('not_found', 'That publish is no longer in the history');
    if (row.path !== null) {
      const folder = path.posix.dirname(row.path);
      const name = path.posix.basename(row.path);
      for (const relative of [row.path, `${folder}/${DOWNLOADS_FOLDER}/${name}.zip`]) {
        const own = this.ownEntry(relative);
        if (own !== null) fs.rmSync(own, { recursive: true, force: true });
      }
    }
    this.deps.db.prepare('DELETE FROM publishes WHERE id = ?').run(id);
    return { lessonId: row.lesson_id };
  }

  /**
   * The absolute path of `relative` when it is exactly where it says, under the real media root with no symlink on
   * the way (so removing it can only remove the library's own file), or null.
   */
  ownEntry(relative: string): string | null {
    if (!OWN_PATH.test(relative)) return null;
    const segments = relative.split('/');
    if (segments.some((segment) => segment === '' || segment === '.' || segment === '..')) return null;
    try {
      const root = fs.realpathSync(this.deps.mediaRoot);
      const expected = path.join(root, ...segments);
      return fs.realpathSync(expected) === expected ? expected : null;
    } catch {
      return null;
    }
  }
}
