import { init } from './0001-init';
import { lti } from './0002-lti';
import { ltiServices } from './0003-lti-services';
import { ltiRoster } from './0004-lti-roster';
import { ltiRegistration } from './0005-lti-registration';
import { ltiSchool } from './0006-lti-school';
import type { ServerMigration } from './types';

/** In order; a released migration is never edited: a change is a new file. */
export const serverMigrations: readonly ServerMigration[] = [
  init,
  lti,
  ltiServices,
  ltiRoster,
  ltiRegistration,
  ltiSchool,
];

export type { ServerMigration };
