import type { ServerMigration } from './types';

/**
 * LTI 1.3. A platform (an LMS) is registered by its issuer and the client id it gave this tool, with the deployments
 * allowed to launch. A launch maps onto the existing model: the LTI context becomes a class of the lesson's teacher
 * (`lti_contexts`), the platform user (`sub`) a learner of it (`lti_learners`), the resource link a (class, lesson)
 * pair. Nonces are single-use; `lti_launches` carries a validated launch over to the page that opens it, so the
 * id_token never reaches a URL. The tool's own signing keys (RSA, published at /lti/jwks) are rows too, so every
 * server process signs with the same key.
 */
export const lti: ServerMigration = {
  version: 2,
  name: 'lti',
  sql: `
    CREATE TABLE lti_platforms (
      id             uuid PRIMARY KEY,
      name           text NOT NULL DEFAULT '',
      issuer         text NOT NULL,
      client_id      text NOT NULL,
      auth_login_url text NOT NULL,
      jwks_url       text NOT NULL,
      token_url      text NOT NULL DEFAULT '',
      created_at     timestamptz NOT NULL DEFAULT now(),
      UNIQUE (issuer, client_id)
    );

    CREATE TABLE lti_deployments (
      platform_id   uuid NOT NULL REFERENCES lti_platforms ON DELETE CASCADE,
      deployment_id text NOT NULL,
      PRIMARY KEY (platform_id, deployment_id)
    );

    CREATE TABLE lti_nonces (
      nonce       text PRIMARY KEY,
      platform_id uuid NOT NULL REFERENCES lti_platforms ON DELETE CASCADE,
      expires_at  bigint NOT NULL,
      used_at     bigint
    );

    CREATE TABLE lti_contexts (
      platform_id   uuid NOT NULL REFERENCES lti_platforms ON DELETE CASCADE,
      deployment_id text NOT NULL,
      context_id    text NOT NULL,
      teacher_id    uuid NOT NULL REFERENCES teachers ON DELETE CASCADE,
      class_id      uuid NOT NULL REFERENCES classes ON DELETE CASCADE,
      PRIMARY KEY (platform_id, deployment_id, context_id, teacher_id)
    );

    CREATE TABLE lti_learners (
      platform_id uuid NOT NULL REFERENCES lti_platforms ON DELETE CASCADE,
      sub         text NOT NULL,
      class_id    uuid NOT NULL REFERENCES classes ON DELETE CASCADE,
      learner_id  uuid NOT NULL REFERENCES learners ON DELETE CASCADE,
      PRIMARY KEY (platform_id, sub, class_id)
    );

    CREATE TABLE lti_resource_links (
      platform_id      uuid NOT NULL REFERENCES lti_platforms ON DELETE CASCADE,
      deployment_id    text NOT NULL,
      resource_link_id text NOT NULL,
      lesson_id        uuid NOT NULL REFERENCES lessons ON DELETE CASCADE,
      class_id         uuid NOT NULL REFERENCES classes ON DELETE CASCADE,
      title            text NOT NULL DEFAULT '',
      PRIMARY KEY (platform_id, deployment_id, resource_link_id)
    );

    CREATE TABLE lti_launches (
      id               text PRIMARY KEY,
      role             text NOT NULL CHECK (role IN ('learner', 'instructor')),
      nonce            text NOT NULL,
      storage_required boolean NOT NULL,
      confirmed        boolean NOT NULL DEFAULT false,
      lesson_id        uuid NOT NULL REFERENCES lessons ON DELETE CASCADE,
      class_id         uuid NOT NULL REFERENCES classes ON DELETE CASCADE,
      location         text NOT NULL,
      expires_at       bigint NOT NULL,
      used_at          bigint
    );

    CREATE TABLE lti_tool_keys (
      kid         text PRIMARY KEY,
      private_jwk jsonb NOT NULL,
      public_jwk  jsonb NOT NULL,
      created_at  bigint NOT NULL,
      retired_at  bigint
    );
  `,
};
