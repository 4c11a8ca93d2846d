import { clip } from './manifestInput';
import { el, xmlDocument } from './xml';

/**
 * Common Cartridge 1.1's LTI link (resource type `imsbasiclti_xmlv1p0`): the `cartridge_basiclti_link` of IMS's
 * imslticc_v1p0p1.xsd, which extends Basic LTI's link. The link carries no key or secret: an LTI 1.3 tool is
 * registered in the LMS once (Dynamic Registration or by hand), and the LMS matches each imported link to it by its
 * launch URL and domain, then launches it with LTI 1.3 (OIDC login, id_token) whatever the cartridge's version.
 */
export const CC_LTI_NAMESPACES = {
  lticc: 'http://www.imsglobal.org/xsd/imslticc_v1p0',
  blti: 'http://www.imsglobal.org/xsd/imsbasiclti_v1p0',
  lticm: 'http://www.imsglobal.org/xsd/imslticm_v1p0',
  lticp: 'http://www.imsglobal.org/xsd/imslticp_v1p0',
} as const;

export const CC_LTI_RESOURCE_TYPE = 'imsbasiclti_xmlv1p0';

const SCHEMA_LOCATIONS = [
  [CC_LTI_NAMESPACES.lticc, 'http://www.imsglobal.org/xsd/lti/ltiv1p0/imslticc_v1p0.xsd'],
  [CC_LTI_NAMESPACES.blti, 'http://www.imsglobal.org/xsd/lti/ltiv1p0/imsbasiclti_v1p0p1.xsd'],
  [CC_LTI_NAMESPACES.lticm, 'http://www.imsglobal.org/xsd/lti/ltiv1p0/imslticm_v1p0.xsd'],
  [CC_LTI_NAMESPACES.lticp, 'http://www.imsglobal.org/xsd/lti/ltiv1p0/imslticp_v1p0.xsd'],
] as const;

/** Canvas reads its own extension block (privacy level, domain) when it makes the imported link a module item. */
const CANVAS_PLATFORM = 'canvas.instructure.com';

export interface CcLtiLinkInput {
  readonly title: string;
  readonly description: string;
  /** The lesson's class-server address (`https://server/l/<slug>`): the LTI 1.3 target link URI. */
  readonly launchUrl: string;
}

/** Why a launch URL cannot go into an LTI link, or null: only an absolute http(s) address without query or fragment. */
export function launchUrlProblem(launchUrl: string): string | null {
  let url: URL;
  try {
    url = new URL(launchUrl);
  } catch {
    return `“${launchUrl}” is not an address`;
  }
  if (url.protocol !== 'https:' && url.protocol !== 'http:') return `“${launchUrl}” is not a web address`;
  if (url.search !== '' || url.hash !== '') return `“${launchUrl}” has a query or fragment the class server refuses`;
  return null;
}

/**
 * One lesson's LTI link file. `secure_launch_url` is set only for https, so an LMS never downgrades; the Canvas
 * block asks for the learner's name (Class results list learners by name) and names the domain Canvas matches the
 * installed tool by.
 */
export function ccLtiLink(input: CcLtiLinkInput): string {
  const problem = launchUrlProblem(input.launchUrl);
  if (problem) throw new Error(problem);
  const url = new URL(input.launchUrl);
  const property = (name: string, value: string) => el('lticm:property', { name }, value);
  const root = el(
    'cartridge_basiclti_link',
    {
      xmlns: CC_LTI_NAMESPACES.lticc,
      'xmlns:blti': CC_LTI_NAMESPACES.blti,
      'xmlns:lticm': CC_LTI_NAMESPACES.lticm,
      'xmlns:lticp': CC_LTI_NAMESPACES.lticp,
      'xmlns:xsi': 'http://www.w3.org/2001/XMLSchema-instance',
      'xsi:schemaLocation': SCHEMA_LOCATIONS.map((pair) => pair.join(' ')).join(' '),
    },
    el('blti:title', {}, clip(input.title, 500)),
    input.description.trim() !== '' && el('blti:description', {}, clip(input.description, 2000)),
    el(
      'blti:extensions',
      { platform: CANVAS_PLATFORM },
      property('privacy_level', 'public'),
      property('domain', url.host),
    ),
    el('blti:launch_url', {}, url.href),
    url.protocol === 'https:' && el('blti:secure_launch_url', {}, url.href),
    el(
      'blti:vendor',
      {},
      el('lticp:code', {}, 'flipside.studio'),
      el('lticp:name', {}, 'Flipside Studio'),
      el('lticp:description', {}, 'Lessons from Flipside Studio, played and reported by its class server'),
    ),
  );
  return xmlDocument(root);
}
