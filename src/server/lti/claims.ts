import { z } from 'zod';

/** Claim names from IMS LTI 1.3 Core (section 5). */
export const LTI_CLAIM = {
  messageType: 'https://purl.imsglobal.org/spec/lti/claim/message_type',
  version: 'https://purl.imsglobal.org/spec/lti/claim/version',
  deploymentId: 'https://purl.imsglobal.org/spec/lti/claim/deployment_id',
  targetLinkUri: 'https://purl.imsglobal.org/spec/lti/claim/target_link_uri',
  resourceLink: 'https://purl.imsglobal.org/spec/lti/claim/resource_link',
  roles: 'https://purl.imsglobal.org/spec/lti/claim/roles',
  context: 'https://purl.imsglobal.org/spec/lti/claim/context',
} as const;

const LIS = 'http://purl.imsglobal.org/vocab/lis/v2/';
/**
 * Roles that see a link's Class results instead of the lesson (LTI 1.3 Core A.2): context instructors (teaching
 * assistants included, as sub-roles of Instructor), content developers and administrators. Any other role, or none,
 * is a learner: the lesser right.
 */
const STAFF_ROLES = [
  `${LIS}membership#Instructor`,
  `${LIS}membership#ContentDeveloper`,
  `${LIS}membership#Administrator`,
  `${LIS}institution/person#Administrator`,
];

export function isStaff(roles: readonly string[]): boolean {
  return roles.some((role) => STAFF_ROLES.includes(role) || role.startsWith(`${LIS}membership/Instructor#`));
}

/** The message claims a resource link launch must carry, after the JWT itself was verified. */
export const resourceLinkLaunchSchema = z.object({
  sub: z.string().min(1, { error: 'The launch names no user (sub)' }).max(255),
  name: z.string().max(300).optional(),
  given_name: z.string().max(300).optional(),
  family_name: z.string().max(300).optional(),
  [LTI_CLAIM.messageType]: z.literal('LtiResourceLinkRequest', {
    error: 'This tool takes resource link launches (LtiResourceLinkRequest)',
  }),
  [LTI_CLAIM.version]: z.literal('1.3.0', { error: 'This tool speaks LTI 1.3.0' }),
  [LTI_CLAIM.deploymentId]: z.string().min(1).max(255),
  [LTI_CLAIM.targetLinkUri]: z.url(),
  [LTI_CLAIM.resourceLink]: z.object({ id: z.string().min(1).max(255), title: z.string().max(500).optional() }),
  [LTI_CLAIM.roles]: z.array(z.string()),
  [LTI_CLAIM.context]: z
    .object({
      id: z.string().min(1).max(255),
      label: z.string().max(300).optional(),
      title: z.string().max(500).optional(),
    })
    .optional(),
});

export interface LtiLaunch {
  readonly sub: string;
  /** The name the platform sent, if any: LTI lets a platform keep it private. */
  readonly name: string | null;
  readonly deploymentId: string;
  readonly targetLinkUri: string;
  readonly resourceLink: { readonly id: string; readonly title: string };
  readonly context: { readonly id: string; readonly title: string } | null;
  readonly staff: boolean;
}

export function launchOf(claims: z.output<typeof resourceLinkLaunchSchema>): LtiLaunch {
  const given = [claims.given_name, claims.family_name].filter(Boolean).join(' ');
  const context = claims[LTI_CLAIM.context];
  return {
    sub: claims.sub,
    name: claims.name?.trim() || given.trim() || null,
    deploymentId: claims[LTI_CLAIM.deploymentId],
    targetLinkUri: claims[LTI_CLAIM.targetLinkUri],
    resourceLink: {
      id: claims[LTI_CLAIM.resourceLink].id,
      title: claims[LTI_CLAIM.resourceLink].title ?? '',
    },
    context: context ? { id: context.id, title: context.title ?? context.label ?? '' } : null,
    staff: isStaff(claims[LTI_CLAIM.roles]),
  };
}
