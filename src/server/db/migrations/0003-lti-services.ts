import type { ServerMigration } from './types';

/**
 * LTI Deep Linking and Assignment and Grade Services. A platform registration may name the teacher who owns it:
 * their published lessons are what a deep-linking request from that platform can pick. A deep-linking request is a
 * launch like the others (`lti_launches`, role `deepLinking`, no lesson yet) carrying the platform's settings.
 * `lti_score_targets` says which gradebook column (AGS line item) a learner's run of a lesson reports to, and the
 * last state sent there, so a state goes out once; `lti_score_outbox` holds scores until the platform took them, so
 * a platform that is down or a server restart loses none.
 */
export const ltiServices: ServerMigration = {
  version: 3,
  name: 'lti-services',
  sql: `
    ALTER TABLE lti_platforms ADD COLUMN teacher_id uuid REFERENCES teachers ON DELETE SET NULL;

    ALTER TABLE lti_launches ALTER COLUMN lesson_id DROP NOT NULL;
    ALTER TABLE lti_launches ALTER COLUMN class_id DROP NOT NULL;
    ALTER TABLE lti_launches DROP CONSTRAINT lti_launches_role_check;
    ALTER TABLE lti_launches ADD CONSTRAINT lti_launches_role_check
      CHECK (role IN ('learner', 'instructor', 'deepLinking'));
    ALTER TABLE lti_launches ADD COLUMN deep_linking jsonb;

    CREATE TABLE lti_score_targets (
      learner_id  uuid NOT NULL REFERENCES learners ON DELETE CASCADE,
      lesson_id   uuid NOT NULL REFERENCES lessons ON DELETE CASCADE,
      platform_id uuid NOT NULL REFERENCES lti_platforms ON DELETE CASCADE,
      lineitem    text NOT NULL,
      sub         text NOT NULL,
      last_state  text,
      PRIMARY KEY (learner_id, lesson_id, lineitem)
    );

    CREATE TABLE lti_score_outbox (
      id            bigserial PRIMARY KEY,
      learner_id    uuid NOT NULL REFERENCES learners ON DELETE CASCADE,
      platform_id   uuid NOT NULL REFERENCES lti_platforms ON DELETE CASCADE,
      lineitem      text NOT NULL,
      score         jsonb NOT NULL,
      attempts      integer NOT NULL DEFAULT 0,
      next_at       bigint NOT NULL,
      claimed_until bigint,
      last_error    text
    );
    CREATE INDEX lti_score_outbox_due ON lti_score_outbox (next_at);
  `,
};
