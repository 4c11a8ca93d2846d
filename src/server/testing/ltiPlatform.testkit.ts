import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { randomUUID } from 'node:crypto';
import type { JWTPayload } from 'jose';
import { keySet, newSigningKey, signIdToken, type SigningKey, type SignOptions } from './ltiPlatformKeys.testkit';
import { autoPostPage, coursePage } from './ltiPlatformPages.testkit';
import { deepLinkingRequestClaims, resourceLinkClaims, type ClaimSource } from './ltiPlatformClaims.testkit';
import { PlatformRegistration } from './ltiPlatformRegistration.testkit';
import { PlatformServices } from './ltiPlatformServices.testkit';

/**
 * A test LMS written from IMS LTI 1.3 Core, the Security Framework and the Client Side postMessages spec: its own
 * RSA keys (published as a JWKS, rotatable), an OIDC authentication endpoint that answers the tool's authentication
 * request with a signed id_token posted to the redirect URI, and a course page that frames the tool and keeps data
 * for it through `lti.put_data` / `lti.get_data` (the platform storage). Everything is checked the way a strict
 * platform checks it, so a tool that sends a wrong authentication request fails here as it would in an LMS.
 */

const LIS = 'http://purl.imsglobal.org/vocab/lis/v2/membership#';
export const ROLE = { learner: `${LIS}Learner`, instructor: `${LIS}Instructor` } as const;

export interface PlatformUser {
  readonly sub: string;
  readonly name?: string;
  readonly roles: readonly string[];
}

export interface PlatformLink {
  readonly resourceLinkId: string;
  readonly targetLinkUri: string;
  readonly contextId: string;
  readonly contextTitle: string;
  /** The link's gradebook column (AGS), when it has one. */
  readonly lineitem?: string | null;
  readonly custom?: Record<string, string>;
}

export interface ToolRegistration {
  readonly clientId: string;
  readonly deploymentId: string;
  readonly loginUrl: string;
  readonly redirectUri: string;
  /** The tool's key set (default: /lti/jwks beside the login URL). */
  readonly jwksUrl?: string;
  /** The tool's deep linking URL (default: /lti/deep-link beside the login URL). */
  readonly deepLinkUrl?: string;
}

/** What the authentication endpoint answers: the form it posts to the tool. */
export interface AuthAnswer {
  readonly redirectUri: string;
  readonly fields: Record<string, string>;
}

export class TestLtiPlatform {
  /** How often the tool fetched the key set. */
  jwksFetches = 0;
  private keys: SigningKey[] = [];
  private readonly pending = new Map<string, { user: PlatformUser; link: PlatformLink | null }>();
  private server: http.Server | null = null;
  origin = '';
  readonly services: PlatformServices;
  readonly registration: PlatformRegistration;
  private registered: ToolRegistration | null;

  /** `tool`: registered by hand; null: the tool registers itself (Dynamic Registration, `registration`). */
  constructor(tool: ToolRegistration | null) {
    this.registered = tool;
    const current = () => this.tool;
    this.services = new PlatformServices({
      origin: () => this.origin,
      issuer: () => this.issuer,
      get clientId() {
        return current().clientId;
      },
      get deploymentId() {
        return current().deploymentId;
      },
      get toolJwksUrl() {
        return current().jwksUrl ?? new URL('/lti/jwks', current().loginUrl).href;
      },
    });
    this.registration = new PlatformRegistration({
      origin: () => this.origin,
      authUrl: () => this.authUrl,
      jwksUrl: () => this.jwksUrl,
      tokenUrl: () => this.tokenUrl,
      registered: (registered) => {
        this.registered = registered;
      },
    });
  }

  get tool(): ToolRegistration {
    if (!this.registered) throw new Error('No tool is registered with the test LMS yet');
    return this.registered;
  }

  get deepLinkUrl(): string {
    return this.tool.deepLinkUrl ?? new URL('/lti/deep-link', this.tool.loginUrl).href;
  }
  get tokenUrl(): string {
    return this.services.tokenUrl;
  }

  get issuer(): string {
    return this.origin;
  }
  get authUrl(): string {
    return `${this.origin}/auth`;
  }
  get jwksUrl(): string {
    return `${this.origin}/jwks`;
  }

  /** Listens on 127.0.0.1: another site than a tool on `localhost`, so its frame of the tool is third-party. */
  async start(): Promise<void> {
    this.keys = [await newSigningKey()];
    this.server = http.createServer((req, res) => {
      this.handle(req, res).catch((error: unknown) => {
        res.writeHead(500, { 'content-type': 'text/plain' }).end(String(error));
      });
    });
    await new Promise<void>((resolve) => this.server?.listen(0, '127.0.0.1', resolve));
    this.origin = `http://127.0.0.1:${(this.server.address() as AddressInfo).port}`;
  }

  async close(): Promise<void> {
    const server = this.server;
    if (!server) return;
    server.closeAllConnections();
    await new Promise<void>((resolve) => server.close(() => resolve()));
  }

  /** A new signing key; the old one leaves the key set (a platform that rotates at once). */
  async rotateKeys(): Promise<void> {
    this.keys = [await newSigningKey()];
  }

  /**
   * The login initiation parameters for a user opening a link (LTI Core 4.1 / Security Framework 5.1.1.1): what
   * the platform sends to the tool's login URL. `storage` adds `lti_storage_target`.
   */
  loginParams(user: PlatformUser, link: PlatformLink, options: { storage?: boolean } = {}): URLSearchParams {
    const hint = randomUUID();
    this.pending.set(hint, { user, link });
    return new URLSearchParams({
      iss: this.issuer,
      login_hint: hint,
      target_link_uri: link.targetLinkUri,
      lti_message_hint: link.resourceLinkId,
      client_id: this.tool.clientId,
      lti_deployment_id: this.tool.deploymentId,
      ...(options.storage ? { lti_storage_target: '_parent' } : {}),
    });
  }

  /** The login initiation for an instructor's "add content" (Deep Linking 2.0, 4.4): the target is the tool's URL. */
  deepLinkingLoginParams(user: PlatformUser, options: { storage?: boolean } = {}): URLSearchParams {
    const hint = randomUUID();
    this.pending.set(hint, { user, link: null });
    return new URLSearchParams({
      iss: this.issuer,
      login_hint: hint,
      target_link_uri: this.deepLinkUrl,
      lti_message_hint: 'deep-linking',
      client_id: this.tool.clientId,
      lti_deployment_id: this.tool.deploymentId,
      ...(options.storage ? { lti_storage_target: '_parent' } : {}),
    });
  }

  /** The claims of an LtiDeepLinkingRequest for this user. */
  deepLinkingClaims(user: PlatformUser, nonce: string): JWTPayload {
    return deepLinkingRequestClaims(this.claimSource, user, nonce);
  }

  /** The claims of a resource link launch for this user and link. */
  claims(user: PlatformUser, link: PlatformLink, nonce: string): JWTPayload {
    return resourceLinkClaims(this.claimSource, user, link, nonce);
  }

  private get claimSource(): ClaimSource {
    return { deploymentId: this.tool.deploymentId, deepLinkUrl: this.deepLinkUrl, services: this.services };
  }

  /** Signs claims as this platform's id_token; `options` lets a test make one wrong in exactly one way. */
  sign(payload: JWTPayload, options: SignOptions = {}): Promise<string> {
    const key = this.keys[0];
    if (!key) throw new Error('start the platform first');
    return signIdToken(key, { issuer: this.issuer, audience: this.tool.clientId }, payload, options);
  }

  /**
   * The OIDC authentication endpoint (Security Framework 5.1.1.2-5.1.1.3): checks the tool's request as the spec
   * requires and answers with the id_token and the tool's state, to be posted to the registered redirect URI.
   */
  async authorize(url: URL): Promise<AuthAnswer> {
    const get = (name: string) => {
      const value = url.searchParams.get(name);
      if (!value) throw new Error(`authentication request without ${name}`);
      return value;
    };
    const expect = (name: string, value: string) => {
      if (get(name) !== value) throw new Error(`authentication request: ${name} is not ${value}`);
    };
    expect('scope', 'openid');
    expect('response_type', 'id_token');
    expect('response_mode', 'form_post');
    expect('prompt', 'none');
    expect('client_id', this.tool.clientId);
    expect('redirect_uri', this.tool.redirectUri);
    const hint = get('login_hint');
    const launch = this.pending.get(hint);
    if (!launch) throw new Error('authentication request for a login this platform did not start');
    if (url.searchParams.get('lti_message_hint') !== (launch.link?.resourceLinkId ?? 'deep-linking'))
      throw new Error('lti_message_hint was not passed back');
    this.pending.delete(hint);
    const idToken = await this.sign(
      launch.link
        ? this.claims(launch.user, launch.link, get('nonce'))
        : this.deepLinkingClaims(launch.user, get('nonce')),
    );
    return { redirectUri: this.tool.redirectUri, fields: { id_token: idToken, state: get('state') } };
  }

  private async handle(req: http.IncomingMessage, res: http.ServerResponse): Promise<void> {
    const url = new URL(req.url ?? '/', this.origin);
    if (await this.services.handle(req, res, url)) return;
    if (await this.registration.handle(req, res, url)) return;
    if (url.pathname === '/course/add-content') {
      const user: PlatformUser = {
        sub: url.searchParams.get('sub') ?? 'instructor-1',
        name: url.searchParams.get('name') ?? '',
        roles: [ROLE.instructor],
      };
      const params = this.deepLinkingLoginParams(user, { storage: url.searchParams.get('storage') !== 'off' });
      res.writeHead(200, { 'content-type': 'text/html; charset=utf-8' });
      res.end(coursePage(`${this.tool.loginUrl}?${params.toString()}`, new URL(this.tool.loginUrl).origin));
      return;
    }
    if (url.pathname === '/jwks') {
      this.jwksFetches += 1;
      res.writeHead(200, { 'content-type': 'application/json' });
      res.end(JSON.stringify(keySet(this.keys)));
      return;
    }
    if (url.pathname === '/auth') {
      const answer = await this.authorize(url);
      res.writeHead(200, { 'content-type': 'text/html; charset=utf-8' });
      res.end(autoPostPage(answer));
      return;
    }
    const course = /^\/course\/(learner|instructor)$/.exec(url.pathname);
    if (course?.[1]) {
      const role = course[1] as 'learner' | 'instructor';
      const user: PlatformUser = {
        sub: url.searchParams.get('sub') ?? `${role}-1`,
        name: url.searchParams.get('name') ?? '',
        roles: [ROLE[role]],
      };
      const resourceLinkId = url.searchParams.get('link') ?? 'link-1';
      const added = this.services.links.get(resourceLinkId);
      const link: PlatformLink = {
        resourceLinkId,
        targetLinkUri: url.searchParams.get('target') ?? added?.url ?? '',
        contextId: 'course-1',
        contextTitle: 'Physics 7B',
        ...(added ? { lineitem: added.lineitem, custom: added.custom } : {}),
      };
      const params = this.loginParams(user, link, { storage: url.searchParams.get('storage') !== 'off' });
      res.writeHead(200, { 'content-type': 'text/html; charset=utf-8' });
      res.end(coursePage(`${this.tool.loginUrl}?${params.toString()}`, new URL(this.tool.loginUrl).origin));
      return;
    }
    res.writeHead(404).end('not found');
  }
}
