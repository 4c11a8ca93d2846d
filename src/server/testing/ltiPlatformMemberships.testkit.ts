import type http from 'node:http';

/**
 * The roster side of the test LMS, written from LTI Names and Role Provisioning Services 2.0: launches carry the
 * `namesroleservice` claim (section 3.6.1) while the platform offers the roster to the tool; the context memberships
 * endpoint answers a membership container (2.2) to a bearer token holding the membership scope, a page at a time with
 * `Link: <…>; rel="next"` (2.4.1), filtered by `rlid` (only who can open that link, 2.4.2) and `role` (2.4.3). It
 * records each request and can be told to be down.
 */

export const MEMBERSHIP_SCOPE = 'https://purl.imsglobal.org/spec/lti-nrps/scope/contextmembership.readonly';
export const MEMBERSHIP_CONTAINER_TYPE = 'application/vnd.ims.lti-nrps.v2.membershipcontainer+json';
const NRPS_CLAIM = 'https://purl.imsglobal.org/spec/lti-nrps/claim/namesroleservice';

/** A member of a course as the platform keeps them. */
export interface CourseMember {
  readonly user_id: string;
  readonly roles: readonly string[];
  readonly name?: string;
  readonly given_name?: string;
  readonly family_name?: string;
  readonly email?: string;
  readonly status?: 'Active' | 'Inactive' | 'Deleted';
  /** The resource links they can open; every link when absent. */
  readonly links?: readonly string[];
}

export class PlatformMemberships {
  /** Each context's members, by context id. */
  readonly courses = new Map<string, CourseMember[]>();
  /** Whether the platform offers the roster to the tool: the launch claim, and the scope at the token endpoint. */
  offered = true;
  /** Members per page when the tool names no `limit`. */
  pageSize = 2;
  /** The endpoint answers `failStatus` this many more times. */
  failRequests = 0;
  /** Every request for this page answers `failStatus`: a platform that goes down in the middle of a roster. */
  failPage: number | null = null;
  /** 503, down; 403, a platform that refuses. */
  failStatus = 503;
  /** Links the next page on another site, as a hostile or misconfigured platform might. */
  nextPageOrigin: string | null = null;
  /** Every request to the endpoint that got past the token check, as asked. */
  readonly requests: URL[] = [];

  constructor(private readonly origin: () => string) {}

  membershipsUrl(contextId: string): string {
    return `${this.origin()}/contexts/${encodeURIComponent(contextId)}/memberships`;
  }

  /** The NRPS claim of a launch in `contextId` (NRPS 2.0, 3.6.1), when the roster is offered. */
  launchClaim(contextId: string): Record<string, unknown> {
    if (!this.offered) return {};
    return { [NRPS_CLAIM]: { context_memberships_url: this.membershipsUrl(contextId), service_versions: ['2.0'] } };
  }

  /** Answers the memberships path; false for any other. `scopesOf` says what a bearer token was granted. */
  handle(
    req: http.IncomingMessage,
    res: http.ServerResponse,
    url: URL,
    scopesOf: (authorization: string) => readonly string[] | undefined,
  ): boolean {
    const path = /^\/contexts\/([^/]+)\/memberships$/.exec(url.pathname);
    if (!path?.[1] || req.method !== 'GET') return false;
    const scopes = scopesOf(req.headers.authorization ?? '');
    if (!scopes) {
      res.writeHead(401, { 'www-authenticate': 'Bearer' }).end();
      return true;
    }
    if (!scopes.includes(MEMBERSHIP_SCOPE)) {
      res.writeHead(403, { 'www-authenticate': 'Bearer error="insufficient_scope"' }).end();
      return true;
    }
    this.requests.push(url);
    if (!(req.headers.accept ?? '').includes(MEMBERSHIP_CONTAINER_TYPE)) {
      res.writeHead(406).end();
      return true;
    }
    if (this.failRequests > 0) {
      this.failRequests -= 1;
      res.writeHead(this.failStatus).end();
      return true;
    }
    const page = Math.max(1, Number(url.searchParams.get('page') ?? 1) || 1);
    if (page === this.failPage) {
      res.writeHead(this.failStatus).end();
      return true;
    }
    const contextId = decodeURIComponent(path[1]);
    const course = this.courses.get(contextId);
    if (!course) {
      res.writeHead(404).end();
      return true;
    }
    const rlid = url.searchParams.get('rlid');
    const role = url.searchParams.get('role');
    const chosen = course.filter(
      (member) =>
        (rlid === null || member.links === undefined || member.links.includes(rlid)) &&
        (role === null || member.roles.includes(role)),
    );
    const limit = Number(url.searchParams.get('limit') ?? this.pageSize) || this.pageSize;
    const members = chosen
      .slice((page - 1) * limit, page * limit)
      .map(({ links: _links, ...member }) => ({ status: 'Active', ...member }));
    const headers: Record<string, string> = { 'content-type': MEMBERSHIP_CONTAINER_TYPE };
    if (page * limit < chosen.length) {
      const next = new URL(`${url.pathname}${url.search}`, this.nextPageOrigin ?? url.origin);
      next.searchParams.set('page', String(page + 1));
      headers.link = `<${next.href}>; rel="next"`;
    }
    res.writeHead(200, headers);
    res.end(JSON.stringify({ id: url.href, context: { id: contextId, title: contextId }, members }));
    return true;
  }
}
