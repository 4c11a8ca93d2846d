import type { ServeIo } from '@shared/classServer/serveEntry';
import type { Queryable } from '../db/database';
import { lastPublicUrl } from '../settings';
import { listInstructorLinks, removeInstructorLink } from './instructorLinks';
import { createInvite, DEFAULT_INVITE_DAYS } from './invites';
import { addPlatform, listPlatforms, removePlatform } from './platforms';
import { rotateToolKeys } from './toolKeys';

export interface LtiCliValues {
  readonly name: string;
  readonly issuer?: string | undefined;
  readonly 'client-id'?: string | undefined;
  readonly 'auth-url'?: string | undefined;
  readonly 'jwks-url'?: string | undefined;
  readonly 'token-url': string;
  readonly deployment?: string[] | undefined;
  readonly teacher?: string | undefined;
  readonly school?: boolean | undefined;
  readonly days?: string | undefined;
  readonly email?: string | undefined;
  readonly sub?: string | undefined;
  readonly 'public-url'?: string | undefined;
}

/** `platforms invite`: a one-time registration link (LTI Dynamic Registration) for the LMS admin to paste. */
async function invite(db: Queryable, values: LtiCliValues, io: ServeIo): Promise<number> {
  if (!values.teacher === !values.school)
    throw new Error(
      'Give --teacher <email> (the registration is that teacher’s) or --school (every teacher signs in once)',
    );
  const publicUrl = values['public-url'] ?? (await lastPublicUrl(db));
  if (!publicUrl)
    throw new Error(
      'Start the server once (flipside serve --public-url …), or give --public-url, so the link reaches it',
    );
  const days = values.days === undefined ? DEFAULT_INVITE_DAYS : Number(values.days);
  const made = await createInvite(db, publicUrl, values.teacher ?? null, Date.now(), days);
  io.stdout(made.url);
  io.stderr(
    `Give this link to the LMS administrator: pasted into the LMS's tool registration (Moodle 4.1+: Manage tools, ` +
      `"Tool URL"; Canvas: Developer Keys, LTI Registration), it registers this server for ` +
      (made.teacher
        ? `${made.teacher.email}.`
        : 'the whole school: each instructor signs in once with their teacher token when adding lessons.'),
  );
  io.stderr(`It works once, until ${new Date(made.expiresAt).toISOString().slice(0, 16).replace('T', ' ')} UTC.`);
  if (/^http:\/\/(127\.0\.0\.1|localhost)[:/]/.test(publicUrl))
    io.stderr('  the link names this computer only; an LMS elsewhere needs the server on --public-url');
  return 0;
}

/** `teachers links` and `teachers unlink`: the LMS users signed in as a teacher on school-wide registrations. */
async function links(db: Queryable, command: string, values: LtiCliValues, io: ServeIo): Promise<number> {
  if (!values.email) throw new Error('--email <address> is required: whose LMS sign-ins');
  if (command === 'teachers unlink') {
    if (!values.issuer || !values.sub)
      throw new Error('--issuer <url> and --sub <id> name the LMS user (teachers links)');
    const removed = await removeInstructorLink(db, values.email, values.issuer, values.sub);
    io.stdout(removed > 0 ? 'Removed: that LMS user must sign in again to add lessons.' : 'No such link.');
    return removed > 0 ? 0 : 1;
  }
  const found = await listInstructorLinks(db, values.email);
  if (found.length === 0) io.stdout(`No LMS user has signed in as ${values.email}.`);
  for (const link of found)
    io.stdout(
      [
        link.issuer,
        `sub ${link.sub}`,
        link.name || '(no name given)',
        `since ${new Date(link.since).toISOString().slice(0, 10)}`,
        link.revoked ? 'token revoked: signs in again' : 'active',
      ].join('\t'),
    );
  return 0;
}

/** `serve platforms …`, `serve teachers links|unlink` and `serve keys rotate`; null when `command` is none of them. */
export async function runLtiCommand(
  db: Queryable,
  command: string,
  values: LtiCliValues,
  io: ServeIo,
): Promise<number | null> {
  if (command === 'platforms add') {
    const platform = await addPlatform(db, {
      name: values.name,
      issuer: values.issuer ?? '',
      clientId: values['client-id'] ?? '',
      authLoginUrl: values['auth-url'] ?? '',
      jwksUrl: values['jwks-url'] ?? '',
      tokenUrl: values['token-url'],
      deployments: values.deployment ?? [],
      teacher: values.teacher ?? '',
      school: values.school ?? false,
    });
    io.stdout(`Platform ${platform.issuer} (client ${platform.clientId}) can launch lessons.`);
    io.stderr(`  deployments: ${platform.deployments.join(', ')}`);
    io.stderr(
      platform.schoolWide
        ? '  for the whole school: each instructor signs in once with their teacher token, then adds their lessons'
        : platform.teacherId
          ? `  deep linking offers the lessons of ${values.teacher || 'the teacher registered before'}`
          : '  no --teacher or --school: its instructors cannot add lessons through deep linking',
    );
    return 0;
  }
  if (command === 'platforms invite') return invite(db, values, io);
  if (command === 'teachers links' || command === 'teachers unlink') return links(db, command, values, io);
  if (command === 'platforms list') {
    const platforms = await listPlatforms(db);
    if (platforms.length === 0) io.stdout('No platforms yet: flipside serve platforms add --issuer <url> …');
    for (const platform of platforms)
      io.stdout(
        `${platform.issuer}\tclient ${platform.clientId}\t${platform.deployments.length} deployment(s)\t` +
          `${platform.schoolWide ? 'school' : platform.teacherId ? 'one teacher' : 'no deep linking'}\t${platform.name}`,
      );
    return 0;
  }
  if (command === 'platforms remove') {
    const removed = await removePlatform(db, values.issuer ?? '', values['client-id'] ?? '');
    io.stdout(removed ? 'Platform removed; its launches no longer open lessons.' : 'No such platform.');
    return removed ? 0 : 1;
  }
  if (command === 'keys rotate') {
    const rotated = await rotateToolKeys(db, Date.now());
    io.stdout(`New signing key ${rotated.kid}; ${rotated.retired} older key(s) stay published for a week.`);
    return 0;
  }
  return null;
}
