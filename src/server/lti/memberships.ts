import { z } from 'zod';
import { MEMBERSHIP_SCOPE } from './claims';
import type { Platform } from './platforms';
import { ServiceError, type ServiceTokens } from './serviceToken';

/** NRPS 2.0, 2.2: the media type of a membership container. */
export const MEMBERSHIP_CONTAINER_TYPE = 'application/vnd.ims.lti-nrps.v2.membershipcontainer+json';
/** The instructor's page waits for the whole roster, so a slow platform is given up on after this long, all pages. */
const ROSTER_TIMEOUT_MS = 20_000;
/** A platform whose `next` links never end is not followed for ever. */
const MAX_PAGES = 200;

const text = (max: number) => z.string().max(max).optional().catch(undefined);

/** NRPS 2.0, 2.3: a member as the platform describes them; what this tool does not use is left out. */
const memberSchema = z.object({
  user_id: z.string().min(1).max(255),
  roles: z.array(z.string().max(500)).max(100),
  status: z.enum(['Active', 'Inactive', 'Deleted']).default('Active'),
  name: text(300),
  given_name: text(300),
  family_name: text(300),
  email: text(320),
});
export type RosterMember = z.output<typeof memberSchema>;

const containerSchema = z.object({
  id: z.string().optional(),
  members: z.array(memberSchema),
});

/** The `rel="next"` target of an RFC 8288 Link header, resolved against the page it came with. */
export function nextLink(header: string | null, base: string): string | null {
  if (!header) return null;
  for (const match of header.matchAll(/<([^>]*)>((?:\s*;\s*[^;,]+)*)/g)) {
    const rel = /;\s*rel\s*=\s*(?:"([^"]*)"|([^\s;,]+))/i.exec(match[2] ?? '');
    const values = (rel?.[1] ?? rel?.[2] ?? '').toLowerCase().split(/\s+/);
    if (values.includes('next')) return new URL(match[1] ?? '', base).href;
  }
  return null;
}

/**
 * A context's roster from the platform's Names and Role Provisioning Service (NRPS 2.0): a client-credentials token
 * for the membership scope, every page followed through `Link: rel="next"`, each page checked. `rlid` asks only for
 * the members who can open that resource link. A member listed on two pages (the roster moved meanwhile) counts
 * once, as last seen. Throws ServiceError when the platform is down or refuses, so nothing half-read is used.
 */
export async function fetchMemberships(
  tokens: ServiceTokens,
  platform: Platform,
  membershipsUrl: string,
  options: { rlid?: string } = {},
): Promise<RosterMember[]> {
  const first = new URL(membershipsUrl);
  if (options.rlid !== undefined) first.searchParams.set('rlid', options.rlid);
  const members = new Map<string, RosterMember>();
  const signal = AbortSignal.timeout(ROSTER_TIMEOUT_MS);
  let url: string | null = first.href;
  for (let pages = 0; url !== null; pages += 1) {
    if (pages === MAX_PAGES) throw new ServiceError(`The roster ran past ${MAX_PAGES} pages`, false);
    // The token goes to the platform's own service only: a `next` link elsewhere is not followed.
    if (new URL(url).origin !== first.origin)
      throw new ServiceError('The roster’s next page is on another site', false);
    const token = await tokens.token(platform, MEMBERSHIP_SCOPE);
    let response: Response;
    try {
      response = await fetch(url, {
        headers: { authorization: `Bearer ${token}`, accept: MEMBERSHIP_CONTAINER_TYPE },
        signal,
      });
    } catch (error) {
      throw new ServiceError(`The course’s roster service did not answer: ${String(error)}`, true);
    }
    if (response.status === 401) tokens.forget(platform, MEMBERSHIP_SCOPE);
    if (!response.ok)
      throw new ServiceError(`The course’s roster service answered ${response.status}`, response.status !== 403);
    const page = containerSchema.safeParse(await response.json().catch(() => null));
    if (!page.success)
      throw new ServiceError(
        `The course’s roster service answered something that is not a membership container: ${page.error.issues[0]?.message ?? ''}`,
        true,
      );
    for (const member of page.data.members) members.set(member.user_id, member);
    url = nextLink(response.headers.get('link'), url);
  }
  return [...members.values()];
}
