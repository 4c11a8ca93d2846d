import { randomBytes } from 'node:crypto';
import type http from 'node:http';
import { z } from 'zod';
import type { ToolRegistration } from './ltiPlatform.testkit';
import { AGS_SCOPES } from './ltiPlatformServices.testkit';

/**
 * The registration side of the test LMS, written from IMS LTI Dynamic Registration 1.0 and OpenID Connect Dynamic
 * Client Registration 1.0: an OpenID configuration (3.4) with the LTI platform configuration, a registration endpoint
 * (3.5-3.6) that takes a single-use registration token as Bearer, checks the tool's request as a strict platform
 * does, and answers a client id and the tool configuration with a deployment id; and the admin's page that opens a
 * tool's registration URL in a frame (as Moodle's and Canvas's dialogs do) and closes it on `org.imsglobal.lti.close`.
 */

const PLATFORM_CONFIGURATION = 'https://purl.imsglobal.org/spec/lti-platform-configuration';
const TOOL_CONFIGURATION = 'https://purl.imsglobal.org/spec/lti-tool-configuration';
const NRPS_SCOPE = 'https://purl.imsglobal.org/spec/lti-nrps/scope/contextmembership.readonly';
const TOKEN_TTL_MS = 10 * 60_000;

const address = z.url({ protocol: /^https?$/ });

/** The client registration request as LTI DR 3.5.2 requires it. */
const registrationRequestSchema = z.object({
  application_type: z.literal('web'),
  response_types: z.array(z.string()).refine((types) => types.includes('id_token'), 'response_types: id_token'),
  grant_types: z
    .array(z.string())
    .refine((types) => types.includes('implicit') && types.includes('client_credentials'), 'grant_types'),
  initiate_login_uri: address,
  redirect_uris: z.array(address).min(1),
  client_name: z.string().min(1),
  jwks_uri: address,
  token_endpoint_auth_method: z.literal('private_key_jwt'),
  id_token_signed_response_alg: z.literal('RS256').optional(),
  scope: z.string().default(''),
  [TOOL_CONFIGURATION]: z.object({
    domain: z.string().min(1),
    target_link_uri: address,
    claims: z.array(z.string()),
    messages: z.array(
      z.object({
        type: z.string(),
        target_link_uri: address.optional(),
        label: z.string().optional(),
        placements: z.array(z.string()).optional(),
      }),
    ),
  }),
});
export type ReceivedRegistration = z.infer<typeof registrationRequestSchema>;

interface RegistrationConfig {
  readonly origin: () => string;
  readonly authUrl: () => string;
  readonly jwksUrl: () => string;
  readonly tokenUrl: () => string;
  /** The platform now launches the tool it registered. */
  readonly registered: (tool: ToolRegistration) => void;
}

async function readJson(req: http.IncomingMessage): Promise<unknown> {
  const chunks: Buffer[] = [];
  for await (const chunk of req) chunks.push(chunk as Buffer);
  try {
    return JSON.parse(Buffer.concat(chunks).toString('utf8')) as unknown;
  } catch {
    return null;
  }
}

const escape = (text: string) =>
  text.replace(/&/g, '&amp;').replace(/"/g, '&quot;').replace(/</g, '&lt;').replace(/>/g, '&gt;');

export class PlatformRegistration {
  /** Requests the registration endpoint accepted, as the tool sent them. */
  readonly registrations: ReceivedRegistration[] = [];
  /** Requests refused, with why. */
  readonly refused: string[] = [];
  /** The configuration names this issuer instead of the platform's own (a test of the tool's check). */
  issuerOverride: string | null = null;
  /** The registration endpoint refuses the next request this many times (as an admin's LMS policy might). */
  refuseRegistrations = 0;
  private readonly tokens = new Map<string, number>();
  private deployments = 0;

  constructor(private readonly config: RegistrationConfig) {}

  get configurationUrl(): string {
    return `${this.config.origin()}/registration/openid-configuration`;
  }
  get registrationEndpoint(): string {
    return `${this.config.origin()}/registration`;
  }

  /**
   * What the LMS adds to the tool's registration URL when its admin starts a registration (LTI DR 3.3): its
   * configuration address and a fresh single-use registration token.
   */
  initiation(toolRegistrationUrl: string): string {
    const token = randomBytes(24).toString('base64url');
    this.tokens.set(token, Date.now() + TOKEN_TTL_MS);
    const url = new URL(toolRegistrationUrl);
    url.searchParams.set('openid_configuration', this.configurationUrl);
    url.searchParams.set('registration_token', token);
    return url.href;
  }

  /** The OpenID configuration with the LTI platform configuration (LTI DR 3.4). */
  openidConfiguration(): Record<string, unknown> {
    return {
      issuer: this.issuerOverride ?? this.config.origin(),
      authorization_endpoint: this.config.authUrl(),
      registration_endpoint: this.registrationEndpoint,
      jwks_uri: this.config.jwksUrl(),
      token_endpoint: this.config.tokenUrl(),
      token_endpoint_auth_methods_supported: ['private_key_jwt'],
      token_endpoint_auth_signing_alg_values_supported: ['RS256'],
      scopes_supported: ['openid', ...AGS_SCOPES, NRPS_SCOPE],
      response_types_supported: ['id_token'],
      subject_types_supported: ['public', 'pairwise'],
      id_token_signing_alg_values_supported: ['RS256'],
      claims_supported: ['sub', 'iss', 'name', 'given_name', 'family_name', 'email'],
      [PLATFORM_CONFIGURATION]: {
        product_family_code: 'moodle',
        version: '4.5',
        messages_supported: [
          { type: 'LtiResourceLinkRequest' },
          { type: 'LtiDeepLinkingRequest', placements: ['ContentArea'] },
        ],
      },
    };
  }

  /** Answers the registration paths; false for any other. */
  async handle(req: http.IncomingMessage, res: http.ServerResponse, url: URL): Promise<boolean> {
    if (url.pathname === '/registration/openid-configuration' && req.method === 'GET') {
      res.writeHead(200, { 'content-type': 'application/json' });
      res.end(JSON.stringify(this.openidConfiguration()));
      return true;
    }
    if (url.pathname === '/registration' && req.method === 'POST') {
      const answer = await this.register(req);
      res.writeHead(answer.status, { 'content-type': 'application/json' });
      res.end(JSON.stringify(answer.body));
      return true;
    }
    if (url.pathname === '/admin/register') {
      const toolUrl = url.searchParams.get('url') ?? '';
      res.writeHead(200, { 'content-type': 'text/html; charset=utf-8' });
      res.end(adminPage(this.initiation(toolUrl), new URL(toolUrl).origin));
      return true;
    }
    return false;
  }

  private async register(req: http.IncomingMessage): Promise<{ status: number; body: object }> {
    const refuse = (status: number, error: string, description: string) => {
      this.refused.push(`${error}: ${description}`);
      return { status, body: { error, error_description: description } };
    };
    const token = /^Bearer (\S+)$/.exec(req.headers.authorization ?? '')?.[1] ?? '';
    const expires = this.tokens.get(token);
    if (expires === undefined || expires < Date.now())
      return refuse(401, 'invalid_token', 'The registration token is not valid or has expired');
    if (!/^application\/json\b/.test(req.headers['content-type'] ?? ''))
      return refuse(400, 'invalid_client_metadata', 'Send the registration as application/json');
    const parsed = registrationRequestSchema.safeParse(await readJson(req));
    if (!parsed.success)
      return refuse(400, 'invalid_client_metadata', parsed.error.issues.map((issue) => issue.message).join('; '));
    const request = parsed.data;
    const tool = request[TOOL_CONFIGURATION];
    const outside = [request.initiate_login_uri, ...request.redirect_uris, tool.target_link_uri].find(
      (uri) => new URL(uri).host !== tool.domain,
    );
    if (outside) return refuse(400, 'invalid_redirect_uri', `${outside} is not on the tool's domain ${tool.domain}`);
    this.tokens.delete(token);
    if (this.refuseRegistrations > 0) {
      this.refuseRegistrations -= 1;
      return refuse(400, 'invalid_client_metadata', 'This site does not accept new tools right now');
    }
    this.registrations.push(request);
    this.deployments += 1;
    const clientId = `dr-${randomBytes(8).toString('hex')}`;
    const deploymentId = `dr-deployment-${this.deployments}`;
    const deepLinking = tool.messages.find((message) => message.type === 'LtiDeepLinkingRequest');
    this.config.registered({
      clientId,
      deploymentId,
      loginUrl: request.initiate_login_uri,
      redirectUri: request.redirect_uris[0] ?? '',
      jwksUrl: request.jwks_uri,
      ...(deepLinking?.target_link_uri ? { deepLinkUrl: deepLinking.target_link_uri } : {}),
    });
    const granted = request.scope.split(' ').filter((scope) => [...AGS_SCOPES, NRPS_SCOPE].includes(scope));
    return {
      status: 201,
      body: {
        ...request,
        client_id: clientId,
        scope: granted.join(' '),
        [TOOL_CONFIGURATION]: { ...tool, deployment_id: deploymentId },
      },
    };
  }
}

/**
 * The LMS admin's "register a tool by URL": the tool's registration page in a frame, closed when the tool posts
 * `org.imsglobal.lti.close` from its own origin; each message is kept in `window.registrationMessages`.
 */
function adminPage(frameUrl: string, toolOrigin: string): string {
  return `<!doctype html><html lang="en"><head><title>Manage tools</title></head><body><main>
<h1>Manage tools</h1>
<p id="status" role="status">Registering a tool…</p>
<iframe name="registration" title="Tool registration" src="${escape(frameUrl)}" style="width: 900px; height: 600px"></iframe>
</main>
<script>
const toolOrigin = ${JSON.stringify(toolOrigin)};
window.registrationMessages = [];
window.addEventListener('message', (event) => {
  if (event.origin !== toolOrigin || !event.data || event.data.subject !== 'org.imsglobal.lti.close') return;
  window.registrationMessages.push(event.data);
  document.querySelector('iframe').remove();
  document.getElementById('status').textContent = 'Tool registration closed';
});
</script></body></html>`;
}
