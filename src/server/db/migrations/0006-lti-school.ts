import type { ServerMigration } from './types';

/**
 * School-wide LTI registrations. A school registers the tool once per LMS and many teachers use it, so a registration
 * may belong to no teacher (`school_wide`); its instructors then say once which teacher they are, by signing in with
 * that teacher's token from the deep-linking page. `lti_instructor_links` keeps that answer for the LMS user
 * (platform + `sub`) together with the token used: revoking the token ends the link. A single-teacher registration
 * keeps working as before: its instructors are its owner. Launches now remember who launched (`platform_id`, `sub`),
 * so a results page or a choice page is checked against the instructor's link each time it is opened.
 */
export const ltiSchool: ServerMigration = {
  version: 6,
  name: 'lti-school',
  sql: `
    ALTER TABLE lti_platforms ADD COLUMN school_wide boolean NOT NULL DEFAULT false;
    ALTER TABLE lti_platforms ADD CONSTRAINT lti_platforms_school_no_owner
      CHECK (NOT school_wide OR teacher_id IS NULL);

    ALTER TABLE lti_invites ALTER COLUMN teacher_id DROP NOT NULL;

    CREATE TABLE lti_instructor_links (
      platform_id uuid NOT NULL REFERENCES lti_platforms ON DELETE CASCADE,
      sub         text NOT NULL,
      teacher_id  uuid NOT NULL REFERENCES teachers ON DELETE CASCADE,
      token_id    uuid NOT NULL REFERENCES teacher_tokens ON DELETE CASCADE,
      name        text NOT NULL DEFAULT '',
      created_at  bigint NOT NULL,
      PRIMARY KEY (platform_id, sub)
    );
    CREATE INDEX lti_instructor_links_teacher ON lti_instructor_links (teacher_id);

    ALTER TABLE lti_launches ADD COLUMN platform_id uuid REFERENCES lti_platforms ON DELETE CASCADE;
    ALTER TABLE lti_launches ADD COLUMN sub text;
  `,
};
