import { randomBytes } from 'node:crypto';
import type http from 'node:http';
import { createRemoteJWKSet, jwtVerify, type JWTVerifyGetKey } from 'jose';
import { MEMBERSHIP_SCOPE, PlatformMemberships } from './ltiPlatformMemberships.testkit';

/**
 * The services side of the test LMS, written from LTI Deep Linking 2.0, Assignment and Grade Services 2.0 and the
 * Security Framework's client credentials grant: the deep linking return endpoint (the tool's signed answer checked
 * against the tool's published keys), a token endpoint (the tool's client assertion checked the same way), line items
 * and a scores endpoint that records what it was sent and can be told to be down.
 */

const DL = 'https://purl.imsglobal.org/spec/lti-dl/claim/';
const LTI = 'https://purl.imsglobal.org/spec/lti/claim/';
export const AGS_SCOPES = [
  'https://purl.imsglobal.org/spec/lti-ags/scope/lineitem',
  'https://purl.imsglobal.org/spec/lti-ags/scope/result.readonly',
  'https://purl.imsglobal.org/spec/lti-ags/scope/score',
];
const SCORE_SCOPE = 'https://purl.imsglobal.org/spec/lti-ags/scope/score';

export interface LineItem {
  readonly id: string;
  readonly label: string;
  readonly scoreMaximum: number;
  readonly resourceId: string;
  readonly resourceLinkId: string;
}

/** A link the instructor added through deep linking: what a later launch of it carries. */
export interface AddedLink {
  readonly resourceLinkId: string;
  readonly title: string;
  readonly url: string;
  readonly custom: Record<string, string>;
  readonly lineitem: string | null;
}

export interface ReceivedScore {
  readonly lineitem: string;
  readonly contentType: string;
  readonly body: Record<string, unknown>;
}

interface ServiceConfig {
  readonly origin: () => string;
  readonly issuer: () => string;
  readonly clientId: string;
  readonly deploymentId: string;
  readonly toolJwksUrl: string;
}

async function readForm(req: http.IncomingMessage): Promise<URLSearchParams> {
  const chunks: Buffer[] = [];
  for await (const chunk of req) chunks.push(chunk as Buffer);
  return new URLSearchParams(Buffer.concat(chunks).toString('utf8'));
}

const bearerOf = (authorization: string) => /^Bearer (\S+)$/.exec(authorization)?.[1] ?? '';

const escape = (text: string) =>
  text.replace(/&/g, '&amp;').replace(/"/g, '&quot;').replace(/</g, '&lt;').replace(/>/g, '&gt;');

export class PlatformServices {
  readonly links = new Map<string, AddedLink>();
  readonly lineItems = new Map<string, LineItem>();
  readonly scores: ReceivedScore[] = [];
  /** Deep linking answers refused, with why (a signature, a claim). */
  readonly refusedResponses: string[] = [];
  tokenRequests = 0;
  /** The scores endpoint answers 503 this many more times. */
  failScores = 0;
  private readonly tokens = new Map<string, string[]>();
  private readonly usedAssertions = new Set<string>();
  /** The `data` each deep-linking request sent, by the value, to check it comes back. */
  private readonly sentData = new Set<string>();
  private toolKeys: JWTVerifyGetKey | null = null;
  readonly memberships: PlatformMemberships;

  constructor(private readonly config: ServiceConfig) {
    this.memberships = new PlatformMemberships(config.origin);
  }

  private keys(): JWTVerifyGetKey {
    this.toolKeys ??= createRemoteJWKSet(new URL(this.config.toolJwksUrl));
    return this.toolKeys;
  }

  get returnUrl(): string {
    return `${this.config.origin()}/deep-link/return`;
  }
  get tokenUrl(): string {
    return `${this.config.origin()}/token`;
  }

  /** The deep linking settings claim of a request, with fresh data to be echoed. */
  deepLinkingSettings(): Record<string, unknown> {
    const data = `dl-${randomBytes(8).toString('hex')}`;
    this.sentData.add(data);
    return {
      deep_link_return_url: this.returnUrl,
      accept_types: ['ltiResourceLink'],
      accept_presentation_document_targets: ['iframe', 'window'],
      accept_multiple: true,
      accept_lineitem: true,
      auto_create: true,
      data,
    };
  }

  /** The AGS endpoint claim of a launch of `link` (LTI AGS 2.0, 3.1). */
  endpointClaim(lineitem: string | null | undefined): Record<string, unknown> {
    return {
      scope: AGS_SCOPES,
      lineitems: `${this.config.origin()}/lineitems`,
      ...(lineitem ? { lineitem } : {}),
    };
  }

  /** Answers the services' paths; false for any other. */
  async handle(req: http.IncomingMessage, res: http.ServerResponse, url: URL): Promise<boolean> {
    if (url.pathname === '/deep-link/return' && req.method === 'POST') {
      const titles = await this.acceptResponse((await readForm(req)).get('JWT') ?? '');
      res.writeHead(titles ? 200 : 400, { 'content-type': 'text/html; charset=utf-8' });
      res.end(
        titles
          ? `<!doctype html><html lang="en"><head><title>Content added</title></head><body><main><h1>Content added</h1>
<ul>${titles.map((title) => `<li>${escape(title)}</li>`).join('')}</ul></main></body></html>`
          : `<!doctype html><html lang="en"><head><title>Refused</title></head><body><main><h1>Refused</h1>
<p>${escape(this.refusedResponses.at(-1) ?? '')}</p></main></body></html>`,
      );
      return true;
    }
    if (url.pathname === '/token' && req.method === 'POST') {
      this.tokenRequests += 1;
      const answer = await this.issueToken(await readForm(req));
      res.writeHead(answer.status, { 'content-type': 'application/json' });
      res.end(JSON.stringify(answer.body));
      return true;
    }
    if (this.memberships.handle(req, res, url, (authorization) => this.tokens.get(bearerOf(authorization))))
      return true;
    const scores = /^\/lineitems\/([\w-]+)\/scores$/.exec(url.pathname);
    if (scores?.[1] && req.method === 'POST') {
      res.writeHead(await this.receiveScore(req, `${this.config.origin()}/lineitems/${scores[1]}`)).end();
      return true;
    }
    return false;
  }

  /** Checks the tool's LtiDeepLinkingResponse as a platform must (DL 2.0, 4.5) and adds its links; null if refused. */
  private async acceptResponse(jwt: string): Promise<string[] | null> {
    try {
      const { payload, protectedHeader } = await jwtVerify(jwt, this.keys(), {
        issuer: this.config.clientId,
        audience: this.config.issuer(),
        algorithms: ['RS256'],
        requiredClaims: ['iat', 'exp', 'nonce'],
      });
      if (!protectedHeader.kid) throw new Error('no kid');
      if (payload[`${LTI}message_type`] !== 'LtiDeepLinkingResponse') throw new Error('message type');
      if (payload[`${LTI}version`] !== '1.3.0') throw new Error('version');
      if (payload[`${LTI}deployment_id`] !== this.config.deploymentId) throw new Error('deployment_id');
      const data = payload[`${DL}data`];
      if (typeof data !== 'string' || !this.sentData.delete(data)) throw new Error('data not echoed');
      const items = payload[`${DL}content_items`];
      if (!Array.isArray(items)) throw new Error('content_items');
      return items.map((raw) => this.addLink(raw as Record<string, unknown>));
    } catch (error) {
      this.refusedResponses.push(error instanceof Error ? error.message : String(error));
      return null;
    }
  }

  private addLink(item: Record<string, unknown>): string {
    if (item.type !== 'ltiResourceLink' || typeof item.url !== 'string' || typeof item.title !== 'string')
      throw new Error('content item is not an ltiResourceLink with a title and url');
    const resourceLinkId = `dl-link-${this.links.size + 1}`;
    const line = item.lineItem as { scoreMaximum?: unknown; label?: unknown; resourceId?: unknown } | undefined;
    let lineitem: string | null = null;
    if (line) {
      if (typeof line.scoreMaximum !== 'number' || line.scoreMaximum <= 0) throw new Error('lineItem.scoreMaximum');
      lineitem = `${this.config.origin()}/lineitems/${this.lineItems.size + 1}`;
      this.lineItems.set(lineitem, {
        id: lineitem,
        label: typeof line.label === 'string' ? line.label : item.title,
        scoreMaximum: line.scoreMaximum,
        resourceId: typeof line.resourceId === 'string' ? line.resourceId : '',
        resourceLinkId,
      });
    }
    this.links.set(resourceLinkId, {
      resourceLinkId,
      title: item.title,
      url: item.url,
      custom: (item.custom ?? {}) as Record<string, string>,
      lineitem,
    });
    return item.title;
  }

  /** Client credentials with a JWT client assertion (RFC 7523; LTI Security Framework 4.1). */
  private async issueToken(form: URLSearchParams): Promise<{ status: number; body: object }> {
    const refuse = (description: string) => ({
      status: 400,
      body: { error: 'invalid_grant', error_description: description },
    });
    if (form.get('grant_type') !== 'client_credentials') return refuse('grant_type');
    if (form.get('client_assertion_type') !== 'urn:ietf:params:oauth:client-assertion-type:jwt-bearer')
      return refuse('client_assertion_type');
    try {
      const { payload } = await jwtVerify(form.get('client_assertion') ?? '', this.keys(), {
        issuer: this.config.clientId,
        subject: this.config.clientId,
        audience: this.tokenUrl,
        algorithms: ['RS256'],
        requiredClaims: ['iat', 'exp', 'jti'],
      });
      if (typeof payload.jti !== 'string' || this.usedAssertions.has(payload.jti)) return refuse('jti replayed');
      this.usedAssertions.add(payload.jti);
    } catch (error) {
      return refuse(`client_assertion: ${String(error)}`);
    }
    const grantable = this.memberships.offered ? [...AGS_SCOPES, MEMBERSHIP_SCOPE] : AGS_SCOPES;
    const scopes = (form.get('scope') ?? '').split(' ').filter((scope) => grantable.includes(scope));
    if (scopes.length === 0) return { status: 400, body: { error: 'invalid_scope' } };
    const token = randomBytes(24).toString('base64url');
    this.tokens.set(token, scopes);
    return {
      status: 200,
      body: { access_token: token, token_type: 'Bearer', expires_in: 3600, scope: scopes.join(' ') },
    };
  }

  private async receiveScore(req: http.IncomingMessage, lineitem: string): Promise<number> {
    if (!this.tokens.get(bearerOf(req.headers.authorization ?? ''))?.includes(SCORE_SCOPE)) return 401;
    if (!this.lineItems.has(lineitem)) return 404;
    const chunks: Buffer[] = [];
    for await (const chunk of req) chunks.push(chunk as Buffer);
    if (this.failScores > 0) {
      this.failScores -= 1;
      return 503;
    }
    this.scores.push({
      lineitem,
      contentType: req.headers['content-type'] ?? '',
      body: JSON.parse(Buffer.concat(chunks).toString('utf8')) as Record<string, unknown>,
    });
    return 204;
  }
}
