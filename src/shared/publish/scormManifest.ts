import { clip, hrefOf, type ManifestInput } from './manifestInput';
import { el, xmlDocument, xmlId, type XmlChild, type XmlNode } from './xml';

/** Where SCORM 1.2 and SCORM 2004 differ in the parts of the manifest they share. */
export interface ScormFlavour {
  /** The content-packaging namespace (the manifest's default one) and its schema file. */
  readonly packaging: { readonly namespace: string; readonly schema: string };
  /** The other namespaces, by prefix, each with its schema file: adlcp first (the resource's scorm type is in it). */
  readonly extensions: Readonly<Record<string, { readonly namespace: string; readonly schema: string }>>;
  /** The metadata block's schemaversion: "1.2", "2004 4th Edition". */
  readonly schemaVersion: string;
  /** The resource's SCO marker: SCORM 1.2 spells it `adlcp:scormtype`, SCORM 2004 `adlcp:scormType`. */
  readonly scormTypeAttribute: 'adlcp:scormtype' | 'adlcp:scormType';
}

/**
 * A one-SCO SCORM manifest: the root with its namespaces and schema locations, the metadata block, one organization
 * holding the lesson as one item, and the SCO's resource with every file it uses.
 */
export function scormManifest(
  flavour: ScormFlavour,
  input: ManifestInput,
  extras: { item: XmlChild[]; organization?: XmlChild[] },
): string {
  const namespaces = [['', flavour.packaging] as const, ...Object.entries(flavour.extensions)];
  const root = el(
    'manifest',
    {
      identifier: xmlId('FS_', `${input.lessonId}_${input.version}`),
      version: clip(input.version, 20),
      ...Object.fromEntries(
        namespaces.map(([prefix, { namespace }]) => [prefix ? `xmlns:${prefix}` : 'xmlns', namespace]),
      ),
      'xmlns:xsi': 'http://www.w3.org/2001/XMLSchema-instance',
      'xsi:schemaLocation': namespaces.map(([, { namespace, schema }]) => `${namespace} ${schema}`).join(' '),
    },
    el('metadata', {}, el('schema', {}, 'ADL SCORM'), el('schemaversion', {}, flavour.schemaVersion)),
    scormOrganizations(clip(input.title, 200), extras.item, extras.organization ?? []),
    scormResources(input, flavour.scormTypeAttribute),
  );
  return xmlDocument(root);
}

/** The one organization: the lesson as one item launching SCO_1, with what each version adds to the item and after it. */
function scormOrganizations(title: string, item: XmlChild[], organization: XmlChild[]): XmlNode {
  return el(
    'organizations',
    { default: 'ORG_1' },
    el(
      'organization',
      { identifier: 'ORG_1' },
      el('title', {}, title),
      el('item', { identifier: 'ITEM_1', identifierref: 'SCO_1', isvisible: 'true' }, el('title', {}, title), ...item),
      ...organization,
    ),
  );
}

/** The SCO's resource: its launch page and every file it uses. */
function scormResources(input: ManifestInput, scormTypeAttribute: ScormFlavour['scormTypeAttribute']): XmlNode {
  return el(
    'resources',
    {},
    el(
      'resource',
      { identifier: 'SCO_1', type: 'webcontent', [scormTypeAttribute]: 'sco', href: hrefOf(input.launch) },
      ...input.files.map((file) => el('file', { href: hrefOf(file) })),
    ),
  );
}
