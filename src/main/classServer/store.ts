import type { z } from 'zod';
import type { ClassServerConnection, PublishedLesson } from '@shared/contract/classServer';
import type { StudioDatabase } from '../store/database';

interface ConnectionRow {
  url: string;
  token: string;
  teacher_email: string;
  teacher_name: string;
  checked_at: number;
}

/** The class server's rows in the library: the connection, where each lesson went, and the kept answers. */
export class ClassServerStore {
  constructor(private readonly db: StudioDatabase) {}

  connection(): (ClassServerConnection & { token: string }) | null {
    const row = this.db
      .prepare('SELECT url, token, teacher_email, teacher_name, checked_at FROM class_server WHERE id = 1')
      .get() as ConnectionRow | undefined;
    return row
      ? {
          url: row.url,
          token: row.token,
          teacherEmail: row.teacher_email,
          teacherName: row.teacher_name,
          checkedAt: row.checked_at,
        }
      : null;
  }

  saveConnection(connection: ClassServerConnection & { token: string }): void {
    this.db
      .prepare(
        `INSERT INTO class_server (id, url, token, teacher_email, teacher_name, checked_at) VALUES (1, ?, ?, ?, ?, ?)
         ON CONFLICT (id) DO UPDATE SET url = excluded.url, token = excluded.token, teacher_email = excluded.teacher_email,
           teacher_name = excluded.teacher_name, checked_at = excluded.checked_at`,
      )
      .run(connection.url, connection.token, connection.teacherEmail, connection.teacherName, connection.checkedAt);
  }

  /** Forgetting the server forgets its token and the answers kept from it; where lessons went stays, marked by URL. */
  forgetConnection(): void {
    this.db.transaction(() => {
      this.db.prepare('DELETE FROM class_server').run();
      this.db.prepare('DELETE FROM class_server_cache').run();
    })();
  }

  published(lessonId: string): PublishedLesson | null {
    const row = this.db
      .prepare(
        `SELECT server_lesson_id AS serverLessonId, lesson_url AS lessonUrl, version, published_at AS publishedAt,
           server_url AS serverUrl
         FROM class_server_lessons WHERE lesson_id = ?`,
      )
      .get(lessonId) as PublishedLesson | undefined;
    return row ?? null;
  }

  savePublished(lessonId: string, published: PublishedLesson): void {
    this.db
      .prepare(
        `INSERT INTO class_server_lessons (lesson_id, server_url, server_lesson_id, lesson_url, version, published_at)
         VALUES (?, ?, ?, ?, ?, ?)
         ON CONFLICT (lesson_id) DO UPDATE SET server_url = excluded.server_url,
           server_lesson_id = excluded.server_lesson_id, lesson_url = excluded.lesson_url, version = excluded.version,
           published_at = excluded.published_at`,
      )
      .run(
        lessonId,
        published.serverUrl,
        published.serverLessonId,
        published.lessonUrl,
        published.version,
        published.publishedAt,
      );
  }

  /** A kept answer, if it came from `serverUrl` and still reads as `schema` says (else it is as good as none). */
  cached<T extends z.ZodType>(
    key: string,
    serverUrl: string,
    schema: T,
  ): { value: z.output<T>; fetchedAt: number } | null {
    const row = this.db
      .prepare('SELECT body, fetched_at FROM class_server_cache WHERE key = ? AND server_url = ?')
      .get(key, serverUrl) as { body: string; fetched_at: number } | undefined;
    if (!row) return null;
    let raw: unknown;
    try {
      raw = JSON.parse(row.body);
    } catch {
      return null;
    }
    const parsed = schema.safeParse(raw);
    return parsed.success ? { value: parsed.data, fetchedAt: row.fetched_at } : null;
  }

  keep(key: string, serverUrl: string, value: unknown, fetchedAt: number): void {
    this.db
      .prepare(
        `INSERT INTO class_server_cache (key, server_url, fetched_at, body) VALUES (?, ?, ?, ?)
         ON CONFLICT (key) DO UPDATE SET server_url = excluded.server_url, fetched_at = excluded.fetched_at,
           body = excluded.body`,
      )
      .run(key, serverUrl, fetchedAt, JSON.stringify(value));
  }

  drop(key: string): void {
    this.db.prepare('DELETE FROM class_server_cache WHERE key = ?').run(key);
  }
}
