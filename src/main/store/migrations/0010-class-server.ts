import type { Migration } from './types';

/**
 * The class server this studio publishes to (one: a teacher's own, or their school's) with the teacher's token, and
 * for each lesson published there, where it went. The token stays in the library like the rest of the teacher's
 * work; it is never sent to the renderer.
 */
export const classServer: Migration = {
  version: 10,
  name: 'class-server',
  up(db) {
    db.exec(`
      CREATE TABLE class_server (
        id            INTEGER PRIMARY KEY CHECK (id = 1),
        url           TEXT NOT NULL,
        token         TEXT NOT NULL,
        teacher_email TEXT NOT NULL,
        teacher_name  TEXT NOT NULL,
        checked_at    INTEGER NOT NULL
      );

      CREATE TABLE class_server_lessons (
        lesson_id        TEXT PRIMARY KEY REFERENCES lessons (id) ON DELETE CASCADE,
        server_url       TEXT NOT NULL,
        server_lesson_id TEXT NOT NULL,
        lesson_url       TEXT NOT NULL,
        version          INTEGER NOT NULL,
        published_at     INTEGER NOT NULL
      );
    `);
  },
};
