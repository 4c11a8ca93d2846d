import { clip, hrefOf } from './manifestInput';
import { CC_LTI_RESOURCE_TYPE } from './ccLtiLink';
import { el, xmlDocument, xmlId, type XmlNode } from './xml';

/**
 * IMS Common Cartridge 1.1. Not 1.3: Moodle imports only 1.0 and 1.1 (backup/converter/imscc1 and imscc11, each
 * validating the manifest against IMS's schemas before import), while Canvas, Blackboard Learn, Brightspace,
 * Schoology and Sakai import 1.1 as well as 1.2 and 1.3. Nothing 1.2 or 1.3 added (curriculum standards metadata,
 * assignments, link metadata) is something a Flipside lesson needs, and an LTI 1.3 tool launches from a 1.1 link.
 */
export const CC_NAMESPACES = {
  cp: 'http://www.imsglobal.org/xsd/imsccv1p1/imscp_v1p1',
  lomManifest: 'http://ltsc.ieee.org/xsd/imsccv1p1/LOM/manifest',
  lomResource: 'http://ltsc.ieee.org/xsd/imsccv1p1/LOM/resource',
} as const;

export const CC_SCHEMA_VERSION = '1.1.0';
export const CC_MANIFEST_FILE = 'imsmanifest.xml';

const SCHEMA_LOCATIONS = [
  [CC_NAMESPACES.cp, 'http://www.imsglobal.org/profile/cc/ccv1p1/ccv1p1_imscp_v1p2_v1p0.xsd'],
  [CC_NAMESPACES.lomManifest, 'http://www.imsglobal.org/profile/cc/ccv1p1/LOM/ccv1p1_lommanifest_v1p0.xsd'],
] as const;

/** A module item: the lesson as an LTI link or as web content in the cartridge, or a page (notes, description). */
export type CcItem =
  | { readonly kind: 'lti'; readonly title: string; readonly file: string }
  | {
      readonly kind: 'webcontent';
      readonly title: string;
      /** The page the item opens. */
      readonly href: string;
      /** Every file the page needs, the page first. */
      readonly files: readonly string[];
    };

export interface CcModule {
  /** Stable per lesson, so ids stay the same when the cartridge is made again. */
  readonly lessonId: string;
  readonly title: string;
  readonly items: readonly CcItem[];
}

export interface CcManifestInput {
  /** The project's id: one cartridge per project. */
  readonly cartridgeId: string;
  readonly title: string;
  readonly description: string;
  readonly language: string;
  /** Items before the modules (the unit's description page). */
  readonly intro: readonly CcItem[];
  /** One per lesson, in lesson order. */
  readonly modules: readonly CcModule[];
}

/**
 * imsmanifest.xml: one organization whose root item holds the intro items, then one item per lesson (a module in
 * Canvas, a section in Moodle) holding that lesson's items, each pointing at its resource.
 */
export function ccManifest(input: CcManifestInput): string {
  const resources: XmlNode[] = [];
  const itemOf = (item: CcItem, id: string): XmlNode => {
    const resourceId = `R_${id}`;
    resources.push(resourceOf(item, resourceId));
    return el('item', { identifier: `I_${id}`, identifierref: resourceId }, el('title', {}, clip(item.title, 500)));
  };
  const intro = input.intro.map((item, index) => itemOf(item, `intro_${String(index + 1)}`));
  const modules = input.modules.map((module, moduleIndex) => {
    const key = xmlId('', `${String(moduleIndex + 1)}_${module.lessonId}`);
    return el(
      'item',
      { identifier: `M_${key}` },
      el('title', {}, clip(module.title, 500)),
      ...module.items.map((item, index) => itemOf(item, `${key}_${String(index + 1)}`)),
    );
  });
  const langString = (text: string) => el('lomimscc:string', { language: input.language }, clip(text, 2000));
  const root = el(
    'manifest',
    {
      identifier: xmlId('CC_', input.cartridgeId),
      xmlns: CC_NAMESPACES.cp,
      'xmlns:lomimscc': CC_NAMESPACES.lomManifest,
      'xmlns:xsi': 'http://www.w3.org/2001/XMLSchema-instance',
      'xsi:schemaLocation': SCHEMA_LOCATIONS.map((pair) => pair.join(' ')).join(' '),
    },
    el(
      'metadata',
      {},
      el('schema', {}, 'IMS Common Cartridge'),
      el('schemaversion', {}, CC_SCHEMA_VERSION),
      el(
        'lomimscc:lom',
        {},
        el(
          'lomimscc:general',
          {},
          el('lomimscc:title', {}, langString(input.title)),
          el('lomimscc:language', {}, input.language),
          input.description.trim() !== '' && el('lomimscc:description', {}, langString(input.description)),
        ),
      ),
    ),
    el(
      'organizations',
      {},
      el(
        'organization',
        { identifier: 'ORG_1', structure: 'rooted-hierarchy' },
        el('item', { identifier: 'ROOT' }, ...intro, ...modules),
      ),
    ),
    el('resources', {}, ...resources),
  );
  return xmlDocument(root);
}

function resourceOf(item: CcItem, identifier: string): XmlNode {
  if (item.kind === 'lti')
    return el('resource', { identifier, type: CC_LTI_RESOURCE_TYPE }, el('file', { href: hrefOf(item.file) }));
  return el(
    'resource',
    { identifier, type: 'webcontent', href: hrefOf(item.href) },
    ...item.files.map((file) => el('file', { href: hrefOf(file) })),
  );
}
