import type { ServerMigration } from './types';

/**
 * LTI Dynamic Registration. A registration belongs to a teacher, and an LMS admin registering the tool has no teacher
 * account here, so the teacher (or the server's admin for them) makes an invite: a one-time, expiring link the admin
 * pastes into the LMS. Only the invite's SHA-256 is kept (a leaked database holds no usable link); `used_at` makes it
 * single-use, `platform_id` records what it registered.
 */
export const ltiRegistration: ServerMigration = {
  version: 5,
  name: 'lti-registration',
  sql: `
    CREATE TABLE lti_invites (
      token_hash  text PRIMARY KEY,
      teacher_id  uuid NOT NULL REFERENCES teachers ON DELETE CASCADE,
      created_at  bigint NOT NULL,
      expires_at  bigint NOT NULL,
      used_at     bigint,
      platform_id uuid REFERENCES lti_platforms ON DELETE SET NULL
    );
    CREATE INDEX lti_invites_teacher ON lti_invites (teacher_id);
  `,
};
