import type { ServerMigration } from './types';

/**
 * The class server's first schema. `events` is the whole record; `runs` carries what Class results read, kept up to
 * date by the statement that stores each batch: the played spans (flat from, to, rate triples) and every attempt, so
 * a class's results are one row per learner. Times the learner's browser reported are kept as it reported them
 * (`*_at` epoch ms beside each summary field), so a batch that arrives late from an offline queue never overwrites
 * newer progress.
 */
export const init: ServerMigration = {
  version: 1,
  name: 'init',
  sql: `
    CREATE TABLE server_settings (
      key   text PRIMARY KEY,
      value text NOT NULL
    );

    CREATE TABLE teachers (
      id         uuid PRIMARY KEY,
      email      text NOT NULL,
      name       text NOT NULL DEFAULT '',
      created_at timestamptz NOT NULL DEFAULT now()
    );
    CREATE UNIQUE INDEX teachers_by_email ON teachers (lower(email));

    CREATE TABLE teacher_tokens (
      id           uuid PRIMARY KEY,
      teacher_id   uuid NOT NULL REFERENCES teachers ON DELETE CASCADE,
      token_hash   text NOT NULL UNIQUE,
      created_at   timestamptz NOT NULL DEFAULT now(),
      last_used_at timestamptz,
      revoked_at   timestamptz
    );

    CREATE TABLE lessons (
      id         uuid PRIMARY KEY,
      teacher_id uuid NOT NULL REFERENCES teachers ON DELETE CASCADE,
      source_id  text NOT NULL,
      slug       text NOT NULL UNIQUE,
      title      text NOT NULL,
      created_at timestamptz NOT NULL DEFAULT now(),
      UNIQUE (teacher_id, source_id)
    );

    CREATE TABLE lesson_versions (
      lesson_id  uuid NOT NULL REFERENCES lessons ON DELETE CASCADE,
      version    integer NOT NULL,
      folder     text NOT NULL,
      size_bytes bigint NOT NULL,
      files      jsonb NOT NULL,
      summary    jsonb NOT NULL,
      created_at timestamptz NOT NULL DEFAULT now(),
      PRIMARY KEY (lesson_id, version)
    );

    CREATE TABLE uploads (
      id             uuid PRIMARY KEY,
      teacher_id     uuid NOT NULL REFERENCES teachers ON DELETE CASCADE,
      source_id      text NOT NULL,
      title          text NOT NULL,
      size_bytes     bigint NOT NULL,
      sha256         text NOT NULL,
      received_bytes bigint NOT NULL DEFAULT 0,
      created_at     timestamptz NOT NULL DEFAULT now(),
      updated_at     timestamptz NOT NULL DEFAULT now()
    );

    CREATE TABLE classes (
      id         uuid PRIMARY KEY,
      teacher_id uuid NOT NULL REFERENCES teachers ON DELETE CASCADE,
      name       text NOT NULL,
      join_code  text NOT NULL UNIQUE,
      created_at timestamptz NOT NULL DEFAULT now()
    );

    CREATE TABLE learners (
      id           uuid PRIMARY KEY,
      class_id     uuid NOT NULL REFERENCES classes ON DELETE CASCADE,
      display_name text NOT NULL,
      name_key     text NOT NULL,
      secret_hash  text NOT NULL UNIQUE,
      created_at   timestamptz NOT NULL DEFAULT now(),
      UNIQUE (class_id, name_key)
    );

    CREATE TABLE runs (
      learner_id       uuid NOT NULL REFERENCES learners ON DELETE CASCADE,
      lesson_id        uuid NOT NULL REFERENCES lessons ON DELETE CASCADE,
      version          integer NOT NULL,
      started_at       timestamptz NOT NULL DEFAULT now(),
      last_activity_at timestamptz NOT NULL DEFAULT now(),
      progress         double precision NOT NULL DEFAULT 0,
      location_ms      integer NOT NULL DEFAULT 0,
      state            text,
      state_at         bigint NOT NULL DEFAULT 0,
      completion       text,
      success          text,
      completion_at    bigint NOT NULL DEFAULT 0,
      score_raw        double precision,
      score_max        double precision,
      score_scaled     double precision,
      score_at         bigint NOT NULL DEFAULT 0,
      pauses           integer NOT NULL DEFAULT 0,
      seeks            integer NOT NULL DEFAULT 0,
      spans            double precision[] NOT NULL DEFAULT '{}',
      attempts         jsonb NOT NULL DEFAULT '[]',
      PRIMARY KEY (learner_id, lesson_id)
    );
    CREATE INDEX runs_by_lesson ON runs (lesson_id);

    CREATE TABLE events (
      id          uuid PRIMARY KEY,
      learner_id  uuid NOT NULL,
      lesson_id   uuid NOT NULL,
      kind        text NOT NULL,
      client_at   bigint NOT NULL,
      received_at timestamptz NOT NULL DEFAULT now(),
      data        jsonb NOT NULL,
      FOREIGN KEY (learner_id, lesson_id) REFERENCES runs ON DELETE CASCADE
    );
    CREATE INDEX events_by_run ON events (lesson_id, learner_id, kind);
  `,
};
