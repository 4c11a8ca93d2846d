import type { ServeIo } from '@shared/classServer/serveEntry';
import type { Queryable } from '../db/database';
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
}

/** `serve platforms …` and `serve keys rotate`; null when `command` is none of them. */
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
    });
    io.stdout(`Platform ${platform.issuer} (client ${platform.clientId}) can launch lessons.`);
    io.stderr(`  deployments: ${platform.deployments.join(', ')}`);
    io.stderr(
      platform.teacherId
        ? `  deep linking offers the lessons of ${values.teacher || 'the teacher registered before'}`
        : '  no --teacher: its instructors cannot add lessons through deep linking',
    );
    return 0;
  }
  if (command === 'platforms list') {
    const platforms = await listPlatforms(db);
    if (platforms.length === 0) io.stdout('No platforms yet: flipside serve platforms add --issuer <url> …');
    for (const platform of platforms)
      io.stdout(
        `${platform.issuer}\tclient ${platform.clientId}\t${platform.deployments.length} deployment(s)\t${platform.name}`,
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
