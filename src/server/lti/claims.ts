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
  custom: 'https://purl.imsglobal.org/spec/lti/claim/custom',
  /** Deep Linking 2.0, 4.4.1. */
  deepLinkingSettings: 'https://purl.imsglobal.org/spec/lti-dl/claim/deep_linking_settings',
  contentItems: 'https://purl.imsglobal.org/spec/lti-dl/claim/content_items',
  data: 'https://purl.imsglobal.org/spec/lti-dl/claim/data',
  /** Assignment and Grade Services 2.0, 3.1. */
  agsEndpoint: 'https://purl.imsglobal.org/spec/lti-ags/claim/endpoint',
  /** Names and Role Provisioning Services 2.0, 3.6.1. */
  namesRoleService: 'https://purl.imsglobal.org/spec/lti-nrps/claim/namesroleservice',
} as const;

/** The AGS scope that lets a tool post scores to a line item. */
export const SCORE_SCOPE = 'https://purl.imsglobal.org/spec/lti-ags/scope/score';
/** The NRPS scope that lets a tool read a context's memberships (its roster). */
export const MEMBERSHIP_SCOPE = 'https://purl.imsglobal.org/spec/lti-nrps/scope/contextmembership.readonly';

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

/**
 * A learner of the course as a roster lists them (NRPS members carry LTI Core context roles): the Learner role or
 * one of its sub-roles, and no staff role. A mentor or a guest is no learner whose progress is awaited.
 */
export function isRosterLearner(roles: readonly string[]): boolean {
  return (
    !isStaff(roles) &&
    roles.some(
      (role) =>
        role === `${LIS}membership#Learner` || role === 'Learner' || role.startsWith(`${LIS}membership/Learner#`),
    )
  );
}

/** The name a platform gives a user, whole or in parts; null when it keeps it private. */
export function personName(name?: string, given?: string, family?: string): string | null {
  return name?.trim() || [given, family].filter(Boolean).join(' ').trim() || null;
}

/** What every message from the platform carries, whatever its type. */
const messageClaims = {
  sub: z.string().min(1, { error: 'The launch names no user (sub)' }).max(255),
  name: z.string().max(300).optional(),
  given_name: z.string().max(300).optional(),
  family_name: z.string().max(300).optional(),
  [LTI_CLAIM.version]: z.literal('1.3.0', { error: 'This tool speaks LTI 1.3.0' }),
  [LTI_CLAIM.deploymentId]: z.string().min(1).max(255),
  [LTI_CLAIM.roles]: z.array(z.string()),
  [LTI_CLAIM.context]: z
    .object({
      id: z.string().min(1).max(255),
      label: z.string().max(300).optional(),
      title: z.string().max(500).optional(),
    })
    .optional(),
};

/** The message claims a resource link launch must carry, after the JWT itself was verified. */
export const resourceLinkLaunchSchema = z.object({
  ...messageClaims,
  [LTI_CLAIM.messageType]: z.literal('LtiResourceLinkRequest', {
    error: 'This tool takes resource link launches (LtiResourceLinkRequest)',
  }),
  [LTI_CLAIM.targetLinkUri]: z.url(),
  [LTI_CLAIM.resourceLink]: z.object({ id: z.string().min(1).max(255), title: z.string().max(500).optional() }),
  [LTI_CLAIM.agsEndpoint]: z
    .object({
      scope: z.array(z.string()).default([]),
      lineitem: z.url().max(2000).optional(),
    })
    .optional(),
  // A platform offers the roster with this claim only to a tool it granted the membership scope.
  [LTI_CLAIM.namesRoleService]: z
    .object({
      context_memberships_url: z.url({ protocol: /^https?$/ }).max(2000),
      service_versions: z.array(z.string()).optional(),
    })
    .optional()
    .catch(undefined),
});

/** A deep-linking request (Deep Linking 2.0, 4.4): where to answer, what the platform accepts, data to echo. */
export const deepLinkingRequestSchema = z.object({
  ...messageClaims,
  [LTI_CLAIM.messageType]: z.literal('LtiDeepLinkingRequest'),
  [LTI_CLAIM.targetLinkUri]: z.url().optional(),
  [LTI_CLAIM.deepLinkingSettings]: z.object({
    deep_link_return_url: z.url({ protocol: /^https?$/ }).max(2000),
    accept_types: z.array(z.string()).refine((types) => types.includes('ltiResourceLink'), {
      error: 'The course does not accept lesson links (ltiResourceLink) here',
    }),
    accept_presentation_document_targets: z.array(z.string()),
    accept_multiple: z.boolean().optional(),
    accept_lineitem: z.boolean().optional(),
    data: z.string().max(4096).optional(),
  }),
});

/** What a deep-linking request asks of the tool, kept with its launch until the instructor has chosen. */
export const deepLinkingSettingsSchema = z.object({
  deploymentId: z.string(),
  returnUrl: z.string(),
  acceptMultiple: z.boolean(),
  acceptLineItem: z.boolean(),
  data: z.string().nullable(),
});
export type DeepLinkingSettings = z.infer<typeof deepLinkingSettingsSchema>;

export interface DeepLinkingLaunch {
  readonly kind: 'deepLinking';
  readonly sub: string;
  /** The instructor's name, if the platform sends it. */
  readonly name: string | null;
  readonly staff: boolean;
  readonly targetLinkUri: string | null;
  readonly settings: DeepLinkingSettings;
}

export function deepLinkingLaunchOf(claims: z.output<typeof deepLinkingRequestSchema>): DeepLinkingLaunch {
  const settings = claims[LTI_CLAIM.deepLinkingSettings];
  return {
    kind: 'deepLinking',
    sub: claims.sub,
    name: personName(claims.name, claims.given_name, claims.family_name),
    staff: isStaff(claims[LTI_CLAIM.roles]),
    targetLinkUri: claims[LTI_CLAIM.targetLinkUri] ?? null,
    settings: {
      deploymentId: claims[LTI_CLAIM.deploymentId],
      returnUrl: settings.deep_link_return_url,
      acceptMultiple: settings.accept_multiple ?? true,
      acceptLineItem: settings.accept_lineitem ?? true,
      data: settings.data ?? null,
    },
  };
}

export interface LtiLaunch {
  readonly kind: 'resourceLink';
  readonly sub: string;
  /** The name the platform sent, if any: LTI lets a platform keep it private. */
  readonly name: string | null;
  readonly deploymentId: string;
  readonly targetLinkUri: string;
  readonly resourceLink: { readonly id: string; readonly title: string };
  readonly context: { readonly id: string; readonly title: string } | null;
  readonly staff: boolean;
  /** The gradebook column this link reports to, when the platform granted the score scope (AGS). */
  readonly lineitem: string | null;
  /** Where the course's roster is read (NRPS 2.0), when the platform offers it to this tool. */
  readonly membershipsUrl: string | null;
}

export function launchOf(claims: z.output<typeof resourceLinkLaunchSchema>): LtiLaunch {
  const context = claims[LTI_CLAIM.context];
  const ags = claims[LTI_CLAIM.agsEndpoint];
  const nrps = claims[LTI_CLAIM.namesRoleService];
  return {
    kind: 'resourceLink',
    sub: claims.sub,
    name: personName(claims.name, claims.given_name, claims.family_name),
    deploymentId: claims[LTI_CLAIM.deploymentId],
    targetLinkUri: claims[LTI_CLAIM.targetLinkUri],
    resourceLink: {
      id: claims[LTI_CLAIM.resourceLink].id,
      title: claims[LTI_CLAIM.resourceLink].title ?? '',
    },
    context: context ? { id: context.id, title: context.title ?? context.label ?? '' } : null,
    staff: isStaff(claims[LTI_CLAIM.roles]),
    lineitem: ags?.lineitem && ags.scope.includes(SCORE_SCOPE) ? ags.lineitem : null,
    membershipsUrl: nrps && (nrps.service_versions ?? ['2.0']).includes('2.0') ? nrps.context_memberships_url : null,
  };
}
