import type { z } from 'zod';
import { decodeProtectedHeader, errors, jwtVerify, type JWTVerifyGetKey } from 'jose';
import {
  deepLinkingLaunchOf,
  deepLinkingRequestSchema,
  launchOf,
  LTI_CLAIM,
  resourceLinkLaunchSchema,
  type DeepLinkingLaunch,
  type LtiLaunch,
} from './claims';
import { PLATFORM_ALGORITHMS } from './platformKeys';
import type { Platform } from './platforms';

/** A launch refused, with words for the person who clicked the link and a reason for the log. */
export class LaunchError extends Error {
  constructor(
    message: string,
    readonly reason: string,
  ) {
    super(message);
  }
}

/** An id_token older than this is refused even if not expired: a launch is used at once. */
const MAX_TOKEN_AGE_S = 10 * 60;
/** Clocks differ a little between the LMS and this server. */
const CLOCK_TOLERANCE_S = 60;

export interface Expected {
  readonly platform: Platform;
  readonly keys: JWTVerifyGetKey;
  /** The nonce this tool sent with the authentication request (from the signed state). */
  readonly nonce: string;
  /** The target_link_uri of the login initiation (from the signed state). */
  readonly targetLinkUri: string;
  readonly now: number;
}

const AGAIN = 'Open the lesson again from your course.';

/**
 * Validates a platform's id_token as the LTI 1.3 Security Framework (5.1.3) asks: signature with the platform's key
 * (by `kid`, asymmetric algorithms only), `iss`, `aud` (and `azp` when there are several audiences), `exp` and `iat`,
 * the nonce this tool sent, then the LTI claims: message type (a resource link launch, or a deep-linking request),
 * version, a deployment registered for the platform and the target link the login named. The nonce's single use is
 * the caller's (it is a database write).
 */
export async function validateIdToken(token: string, expected: Expected): Promise<LtiLaunch | DeepLinkingLaunch> {
  const { platform } = expected;
  let header: ReturnType<typeof decodeProtectedHeader>;
  try {
    header = decodeProtectedHeader(token);
  } catch {
    throw new LaunchError(`The course sent a launch this tool cannot read. ${AGAIN}`, 'id_token is not a JWS');
  }
  if (!header.alg || !PLATFORM_ALGORITHMS.includes(header.alg))
    throw new LaunchError(
      `The course signed this launch in a way this tool does not accept. ${AGAIN}`,
      `alg ${String(header.alg)}`,
    );
  if (!header.kid)
    throw new LaunchError(`The course signed this launch without naming its key. ${AGAIN}`, 'no kid in the header');
  let payload: Record<string, unknown>;
  try {
    ({ payload } = await jwtVerify(token, expected.keys, {
      issuer: platform.issuer,
      audience: platform.clientId,
      algorithms: PLATFORM_ALGORITHMS,
      currentDate: new Date(expected.now),
      clockTolerance: CLOCK_TOLERANCE_S,
      maxTokenAge: MAX_TOKEN_AGE_S,
      requiredClaims: ['exp', 'iat', 'nonce'],
    }));
  } catch (error) {
    throw new LaunchError(explain(error), error instanceof Error ? `${error.name}: ${error.message}` : String(error));
  }
  const audiences = Array.isArray(payload.aud) ? payload.aud : [payload.aud];
  if ((audiences.length > 1 || payload.azp !== undefined) && payload.azp !== platform.clientId)
    throw new LaunchError(`This launch was meant for another tool. ${AGAIN}`, `azp ${String(payload.azp)}`);
  if (payload.nonce !== expected.nonce)
    throw new LaunchError(`This launch does not belong to the sign-in that started it. ${AGAIN}`, 'nonce mismatch');
  const launch = claimsOf(payload);
  const deploymentId = launch.kind === 'deepLinking' ? launch.settings.deploymentId : launch.deploymentId;
  if (!platform.deployments.includes(deploymentId))
    throw new LaunchError(
      'This course’s deployment of the tool is not registered on this class server. Ask its administrator to add it ' +
        '(flipside serve platforms add … --deployment <id>).',
      `unknown deployment ${deploymentId}`,
    );
  if (launch.targetLinkUri !== null && launch.targetLinkUri !== expected.targetLinkUri)
    throw new LaunchError(
      `This launch points somewhere other than where its sign-in began. ${AGAIN}`,
      'target_link_uri',
    );
  return launch;
}

function claimsOf(payload: Record<string, unknown>): LtiLaunch | DeepLinkingLaunch {
  return payload[LTI_CLAIM.messageType] === 'LtiDeepLinkingRequest'
    ? deepLinkingLaunchOf(parseClaims(deepLinkingRequestSchema, payload))
    : launchOf(parseClaims(resourceLinkLaunchSchema, payload));
}

function parseClaims<T extends z.ZodType>(schema: T, payload: Record<string, unknown>): z.output<T> {
  const parsed = schema.safeParse(payload);
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    throw new LaunchError(
      `The course sent a launch this tool cannot use: ${issue?.message ?? 'claims missing'}.`,
      `claims: ${issue?.path.join('.') ?? ''} ${issue?.message ?? ''}`,
    );
  }
  return parsed.data;
}

function explain(error: unknown): string {
  // jose reports a token older than maxTokenAge as expired too, naming `iat`.
  if (error instanceof errors.JWTClaimValidationFailed || error instanceof errors.JWTExpired) {
    if (error.claim === 'iat') return `This launch is too old or dated in the future. ${AGAIN}`;
    if (error.claim === 'exp') return `This launch has expired. ${AGAIN}`;
    if (error.claim === 'aud') return `This launch was meant for another tool. ${AGAIN}`;
    if (error.claim === 'iss') return `This launch comes from another platform than it says. ${AGAIN}`;
  }
  if (error instanceof errors.JWKSNoMatchingKey || error instanceof errors.JWSSignatureVerificationFailed)
    return `The course’s signature on this launch could not be checked. ${AGAIN}`;
  if (error instanceof errors.JWSInvalid || error instanceof errors.JWTInvalid)
    return `The course sent a launch this tool cannot read. ${AGAIN}`;
  // The platform's key set did not answer, or not with keys: nothing the person who clicked can fix but waiting.
  return `The course’s keys could not be checked just now. Wait a moment, then open the lesson again.`;
}
