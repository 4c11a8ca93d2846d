import type { ServerMigration } from './types';

/**
 * LTI Names and Role Provisioning Services 2.0: the course's roster, so Class results list the learners who have not
 * opened a lesson yet. A resource link remembers its context's memberships URL (from the launch's NRPS claim) and
 * when its roster was last asked for, fetched and why it last failed; its members are the platform's answer for that
 * link (`rlid`), replaced whole on each successful fetch and kept as they were when a fetch fails.
 */
export const ltiRoster: ServerMigration = {
  version: 4,
  name: 'lti-roster',
  sql: `
    ALTER TABLE lti_resource_links ADD COLUMN memberships_url text;
    ALTER TABLE lti_resource_links ADD COLUMN roster_tried_at bigint;
    ALTER TABLE lti_resource_links ADD COLUMN roster_fetched_at bigint;
    ALTER TABLE lti_resource_links ADD COLUMN roster_error text;

    CREATE TABLE lti_roster_members (
      platform_id      uuid NOT NULL,
      deployment_id    text NOT NULL,
      resource_link_id text NOT NULL,
      sub              text NOT NULL,
      name             text,
      given_name       text,
      family_name      text,
      email            text,
      roles            jsonb NOT NULL,
      status           text NOT NULL CHECK (status IN ('Active', 'Inactive', 'Deleted')),
      PRIMARY KEY (platform_id, deployment_id, resource_link_id, sub),
      FOREIGN KEY (platform_id, deployment_id, resource_link_id)
        REFERENCES lti_resource_links ON DELETE CASCADE
    );
  `,
};
