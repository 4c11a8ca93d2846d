import { randomBytes } from 'node:crypto';
import type { ResultQuestion, ServerLesson } from '@shared/classServer/results';
import type { LessonSummary } from '@shared/classServer/lessonSummary';
import type { Queryable } from '../db/database';

interface LessonRow {
  id: string;
  teacher_id: string;
  slug: string;
  title: string;
}

interface VersionRow {
  lesson_id: string;
  version: number;
  size_bytes: string | number;
  summary: LessonSummary;
  created_ms: number;
}

/** Lower-case letters and digits without look-alikes: a URL a teacher can read out. */
const SLUG_ALPHABET = 'abcdefghjkmnpqrstuvwxyz23456789';

export function newSlug(): string {
  return [...randomBytes(10)].map((byte) => SLUG_ALPHABET[byte % SLUG_ALPHABET.length]).join('');
}

export function lessonUrl(publicUrl: string, slug: string): string {
  return `${publicUrl.replace(/\/+$/, '')}/l/${slug}`;
}

/** A teacher's lessons as the API describes them, each with its versions (oldest first). */
export async function teacherLessons(
  db: Queryable,
  teacherId: string,
  publicUrl: string,
  lessonId?: string,
): Promise<ServerLesson[]> {
  const lessons = await db.query<LessonRow>(
    `SELECT id, teacher_id, slug, title FROM lessons WHERE teacher_id = $1 AND ($2::uuid IS NULL OR id = $2::uuid)
     ORDER BY created_at`,
    [teacherId, lessonId ?? null],
  );
  if (lessons.length === 0) return [];
  const versions = await db.query<VersionRow>(
    `SELECT lesson_id, version, size_bytes, summary, (extract(epoch FROM created_at) * 1000)::float8 AS created_ms
     FROM lesson_versions WHERE lesson_id = ANY($1::uuid[]) ORDER BY version`,
    [lessons.map((lesson) => lesson.id)],
  );
  return lessons.flatMap((lesson) => {
    const mine = versions.filter((version) => version.lesson_id === lesson.id);
    const latest = mine.at(-1);
    if (!latest) return [];
    return [
      {
        id: lesson.id,
        title: lesson.title,
        url: lessonUrl(publicUrl, lesson.slug),
        latestVersion: latest.version,
        durationMs: latest.summary.durationMs,
        questions: latest.summary.questions as ResultQuestion[],
        versions: mine.map((version) => ({
          version: version.version,
          createdAt: Math.round(version.created_ms),
          sizeBytes: Number(version.size_bytes),
        })),
        publishedAt: Math.round(latest.created_ms),
      },
    ];
  });
}

export interface PlayableVersion {
  readonly lessonId: string;
  readonly teacherId: string;
  readonly title: string;
  readonly version: number;
  readonly folder: string;
  readonly files: Readonly<Record<string, number>>;
}

/** A version by the lesson's slug; `version` null means the newest. */
export async function findVersion(
  db: Queryable,
  slug: string,
  version: number | null,
): Promise<PlayableVersion | null> {
  const [row] = await db.query<{
    lesson_id: string;
    teacher_id: string;
    title: string;
    version: number;
    folder: string;
    files: Record<string, number>;
  }>(
    `SELECT l.id AS lesson_id, l.teacher_id, l.title, v.version, v.folder, v.files
     FROM lessons l JOIN lesson_versions v ON v.lesson_id = l.id
     WHERE l.slug = $1 AND ($2::int IS NULL OR v.version = $2::int)
     ORDER BY v.version DESC LIMIT 1`,
    [slug, version],
  );
  return row
    ? {
        lessonId: row.lesson_id,
        teacherId: row.teacher_id,
        title: row.title,
        version: row.version,
        folder: row.folder,
        files: row.files,
      }
    : null;
}
