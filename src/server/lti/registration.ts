import { z } from 'zod';
import type { Teacher } from '../auth/teachers';
import { DEEP_LINK_PATH } from './deepLinking';
import { RegistrationError } from './invites';
import { LAUNCH_PATH } from './login';

/**
 * IMS LTI Dynamic Registration 1.0, the tool's side: read the platform's OpenID configuration (section 3.4), check
 * it, and register with OpenID Connect Dynamic Client Registration carrying the LTI tool configuration (3.5-3.6).
 */

export const PLATFORM_CONFIGURATION = 'https://purl.imsglobal.org/spec/lti-platform-configuration';
export const TOOL_CONFIGURATION = 'https://purl.imsglobal.org/spec/lti-tool-configuration';
const LOGIN_PATH = '/lti/login';
const JWKS_PATH = '/lti/jwks';
const REQUEST_TIMEOUT_MS = 15_000;
const ANSWER_LIMIT = 256 * 1024;

/** What this tool asks for: AGS to post scores (and read the column), NRPS for the roster. */
const WANTED_SCOPES = [
  'https://purl.imsglobal.org/spec/lti-ags/scope/lineitem',
  'https://purl.imsglobal.org/spec/lti-ags/scope/result.readonly',
  'https://purl.imsglobal.org/spec/lti-ags/scope/score',
  'https://purl.imsglobal.org/spec/lti-nrps/scope/contextmembership.readonly',
];
/** The deep linking placements of Moodle (course content) and Canvas (assignment and module item pickers). */
const CONTENT_PLACEMENTS = ['ContentArea', 'assignment_selection', 'link_selection'];

const address = z.url({ protocol: /^https?$/, error: 'is not a web address' });

export const platformConfigurationSchema = z.object({
  issuer: address,
  authorization_endpoint: address,
  token_endpoint: address,
  jwks_uri: address,
  registration_endpoint: address,
  scopes_supported: z.array(z.string()).optional(),
  [PLATFORM_CONFIGURATION]: z.object({
    product_family_code: z.string().min(1).max(200),
    version: z.string().max(200).optional(),
    messages_supported: z.array(
      z.object({ type: z.string().min(1), placements: z.array(z.string()).optional() }).loose(),
    ),
  }),
});
export type PlatformConfiguration = z.infer<typeof platformConfigurationSchema>;

const registrationAnswerSchema = z.object({
  client_id: z.string().min(1).max(500),
  [TOOL_CONFIGURATION]: z.object({ deployment_id: z.string().min(1).max(255).optional() }).optional(),
});

const FAMILIES: Readonly<Record<string, string>> = {
  moodle: 'Moodle',
  canvas: 'Canvas',
  desire2learn: 'Brightspace',
  d2l: 'Brightspace',
  sakai: 'Sakai',
  blackboard: 'Blackboard',
  schoology: 'Schoology',
};

/** The LMS in words: its product and its address, such as "Moodle at moodle.school.example". */
export function platformName(config: PlatformConfiguration): string {
  const code = config[PLATFORM_CONFIGURATION].product_family_code;
  return `${FAMILIES[code.toLowerCase()] ?? code} at ${new URL(config.issuer).host}`;
}

/** Reads an answer up to `ANSWER_LIMIT` bytes: a platform cannot make the server hold more. */
async function readAnswer(response: Response): Promise<string> {
  if (!response.body) return '';
  const chunks: Uint8Array[] = [];
  let size = 0;
  for await (const chunk of response.body as AsyncIterable<Uint8Array>) {
    size += chunk.byteLength;
    if (size > ANSWER_LIMIT)
      throw new RegistrationError('invalid', `The LMS answered more than ${ANSWER_LIMIT / 1024} KiB.`);
    chunks.push(chunk);
  }
  return Buffer.concat(chunks).toString('utf8');
}

async function call(url: string, init: RequestInit, what: string): Promise<{ status: number; body: unknown }> {
  let response: Response;
  try {
    response = await fetch(url, { ...init, redirect: 'error', signal: AbortSignal.timeout(REQUEST_TIMEOUT_MS) });
  } catch (error) {
    const cause = error instanceof Error && error.cause instanceof Error ? error.cause.message : String(error);
    throw new RegistrationError(
      'unreachable',
      `The class server could not reach the LMS at ${new URL(url).host} for ${what} (${cause}). Check that this ` +
        'server can open the LMS’s address, then start the registration again.',
    );
  }
  const text = await readAnswer(response);
  try {
    return { status: response.status, body: JSON.parse(text) as unknown };
  } catch {
    return { status: response.status, body: null };
  }
}

/** The platform's OpenID configuration, checked; its issuer must be of the configuration address's own origin. */
export async function fetchPlatformConfiguration(configurationUrl: string): Promise<PlatformConfiguration> {
  const url = address.safeParse(configurationUrl);
  if (!url.success)
    throw new RegistrationError(
      'invalid',
      'The LMS did not give the address of its configuration (openid_configuration).',
    );
  const answer = await call(url.data, { headers: { accept: 'application/json' } }, 'its configuration');
  if (answer.status < 200 || answer.status > 299)
    throw new RegistrationError(
      'unreachable',
      `The LMS answered ${answer.status} when asked for its configuration. Start the registration again from the LMS.`,
    );
  if (answer.body === null) throw new RegistrationError('invalid', 'The LMS’s configuration is not JSON.');
  const parsed = platformConfigurationSchema.safeParse(answer.body);
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    throw new RegistrationError(
      'invalid',
      `The LMS’s configuration is not one this tool can use: ${issue?.path.join('.') || 'it'} ${issue?.message ?? ''}.`,
    );
  }
  const config = parsed.data;
  if (new URL(config.issuer).origin !== new URL(url.data).origin)
    throw new RegistrationError(
      'invalid',
      `The LMS’s configuration names the issuer ${config.issuer}, which is not where the configuration came from ` +
        `(${new URL(url.data).origin}). The registration was stopped: LTI Dynamic Registration requires them to match.`,
    );
  if (!config[PLATFORM_CONFIGURATION].messages_supported.some((message) => message.type === 'LtiResourceLinkRequest'))
    throw new RegistrationError('invalid', 'The LMS says it does not launch tools (no LtiResourceLinkRequest).');
  return config;
}

/** The client registration request (LTI DR 3.5.2): this server's addresses, messages, claims and scopes. */
export function registrationRequest(publicUrl: string, config: PlatformConfiguration, teacher: Teacher | null): object {
  const whose = teacher ? teacher.name || teacher.email : 'school';
  const base = publicUrl.replace(/\/+$/, '');
  const supported = config[PLATFORM_CONFIGURATION].messages_supported;
  const deepLinking = supported.find((message) => message.type === 'LtiDeepLinkingRequest');
  const placements = (deepLinking?.placements ?? []).filter((placement) => CONTENT_PLACEMENTS.includes(placement));
  const granted = config.scopes_supported;
  const scopes = granted ? WANTED_SCOPES.filter((scope) => granted.includes(scope)) : WANTED_SCOPES;
  return {
    application_type: 'web',
    response_types: ['id_token'],
    grant_types: ['implicit', 'client_credentials'],
    initiate_login_uri: `${base}${LOGIN_PATH}`,
    redirect_uris: [`${base}${LAUNCH_PATH}`],
    client_name: `Flipside class server (${whose})`,
    jwks_uri: `${base}${JWKS_PATH}`,
    token_endpoint_auth_method: 'private_key_jwt',
    id_token_signed_response_alg: 'RS256',
    scope: scopes.join(' '),
    [TOOL_CONFIGURATION]: {
      domain: new URL(base).host,
      description: teacher
        ? `Lessons of ${whose}, recorded in Flipside Studio, with their grades`
        : 'Lessons of the school’s teachers, recorded in Flipside Studio, with their grades',
      target_link_uri: `${base}/`,
      claims: ['iss', 'sub', 'name', 'given_name', 'family_name'],
      messages: [
        { type: 'LtiResourceLinkRequest', target_link_uri: `${base}/` },
        ...(deepLinking
          ? [
              {
                type: 'LtiDeepLinkingRequest',
                target_link_uri: `${base}${DEEP_LINK_PATH}`,
                label: 'Flipside lessons',
                ...(placements.length > 0 ? { placements } : {}),
              },
            ]
          : []),
      ],
    },
  };
}

/** Posts the registration with the platform's registration token; answers the client id and deployment it made. */
export async function registerWithPlatform(
  config: PlatformConfiguration,
  registrationToken: string,
  request: object,
): Promise<{ clientId: string; deploymentId: string }> {
  const answer = await call(
    config.registration_endpoint,
    {
      method: 'POST',
      headers: {
        'content-type': 'application/json',
        accept: 'application/json',
        ...(registrationToken ? { authorization: `Bearer ${registrationToken}` } : {}),
      },
      body: JSON.stringify(request),
    },
    'the registration',
  );
  if (answer.status < 200 || answer.status > 299) {
    const body = z
      .object({ error: z.string().optional(), error_description: z.string().optional() })
      .safeParse(answer.body);
    const why = body.success ? (body.data.error_description ?? body.data.error) : undefined;
    throw new RegistrationError(
      'refused',
      `The LMS refused the registration (${answer.status}${why ? `: ${why.slice(0, 300)}` : ''}). ` +
        'Start it again from the LMS; its registration step may have expired.',
    );
  }
  const parsed = registrationAnswerSchema.safeParse(answer.body);
  if (!parsed.success)
    throw new RegistrationError(
      'invalid',
      'The LMS accepted the registration but did not answer the client id it made.',
    );
  const deploymentId = parsed.data[TOOL_CONFIGURATION]?.deployment_id;
  if (!deploymentId)
    throw new RegistrationError(
      'invalid',
      `The LMS registered client ${parsed.data.client_id} but did not say its deployment id. Remove that tool in the ` +
        'LMS, or give both to the server by hand (flipside serve platforms add … --deployment <id>).',
    );
  return { clientId: parsed.data.client_id, deploymentId };
}
