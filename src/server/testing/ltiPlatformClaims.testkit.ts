import type { JWTPayload } from 'jose';
import type { PlatformLink, PlatformUser } from './ltiPlatform.testkit';
import type { PlatformServices } from './ltiPlatformServices.testkit';

/** The claims the test LMS puts in its id_tokens (LTI Core 5.3-5.4, Deep Linking 2.0 4.4), before signing. */

const CLAIM = 'https://purl.imsglobal.org/spec/lti/claim/';

/** What the claims depend on: the tool's deployment and deep linking URL, and the services the platform offers. */
export interface ClaimSource {
  readonly deploymentId: string;
  readonly deepLinkUrl: string;
  readonly services: PlatformServices;
}

/** What every launch carries (LTI Core 5.3): who, which message, for which deployment, to where, in which course. */
function launchClaims(
  source: ClaimSource,
  user: PlatformUser,
  nonce: string,
  launch: { messageType: string; targetLinkUri: string; context: { id: string; title: string } },
): JWTPayload {
  return {
    nonce,
    sub: user.sub,
    ...(user.name ? { name: user.name } : {}),
    [`${CLAIM}message_type`]: launch.messageType,
    [`${CLAIM}version`]: '1.3.0',
    [`${CLAIM}deployment_id`]: source.deploymentId,
    [`${CLAIM}target_link_uri`]: launch.targetLinkUri,
    [`${CLAIM}roles`]: [...user.roles],
    [`${CLAIM}context`]: { ...launch.context, label: launch.context.title },
  };
}

export function deepLinkingRequestClaims(source: ClaimSource, user: PlatformUser, nonce: string): JWTPayload {
  return {
    ...launchClaims(source, user, nonce, {
      messageType: 'LtiDeepLinkingRequest',
      targetLinkUri: source.deepLinkUrl,
      context: { id: 'course-1', title: 'Physics 7B' },
    }),
    'https://purl.imsglobal.org/spec/lti-dl/claim/deep_linking_settings': source.services.deepLinkingSettings(),
  };
}

export function resourceLinkClaims(
  source: ClaimSource,
  user: PlatformUser,
  link: PlatformLink,
  nonce: string,
): JWTPayload {
  return {
    ...(link.lineitem
      ? { 'https://purl.imsglobal.org/spec/lti-ags/claim/endpoint': source.services.endpointClaim(link.lineitem) }
      : {}),
    ...(link.custom ? { [`${CLAIM}custom`]: link.custom } : {}),
    ...source.services.memberships.launchClaim(link.contextId),
    ...launchClaims(source, user, nonce, {
      messageType: 'LtiResourceLinkRequest',
      targetLinkUri: link.targetLinkUri,
      context: { id: link.contextId, title: link.contextTitle },
    }),
    [`${CLAIM}resource_link`]: { id: link.resourceLinkId, title: 'Lesson' },
  };
}
