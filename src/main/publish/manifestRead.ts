import { CC_NAMESPACES } from '@shared/publish/ccManifest';
import { CMI5_NAMESPACE } from '@shared/publish/cmi5Course';
import type { ScormVersion } from './schemas';
import { attr, childNamed, childrenNamed, XML_NAMESPACE, type XmlElement } from './xmlTree';

const CP12 = 'http://www.imsproject.org/xsd/imscp_rootv1p1p2';
const CP2004 = 'http://www.imsglobal.org/xsd/imscp_v1p1';
const ADLCP12 = 'http://www.adlnet.org/xsd/adlcp_rootv1p2';
const ADLCP2004 = 'http://www.adlnet.org/xsd/adlcp_v1p3';

/** Which SCORM a manifest is, from its root element's namespace and (2004) its schemaversion; null for neither. */
export function scormVersionOf(root: XmlElement): ScormVersion | null {
  if (root.local !== 'manifest') return null;
  if (root.namespace === CP12) return 'scorm12';
  if (root.namespace !== CP2004) return null;
  const metadata = childNamed(root, CP2004, 'metadata');
  const version = metadata && childNamed(metadata, CP2004, 'schemaversion');
  return version?.text.trim() === '2004 4th Edition' ? 'scorm2004' : null;
}

/**
 * Every file a SCORM manifest names (resource and file hrefs, with the xml:base of manifest, resources and resource
 * applied as content packaging says) and the launch page of its first SCO.
 */
export function scormFiles(root: XmlElement, version: ScormVersion): { launch: string | null; files: string[] } {
  const cp = version === 'scorm12' ? CP12 : CP2004;
  const scormType = version === 'scorm12' ? { ns: ADLCP12, name: 'scormtype' } : { ns: ADLCP2004, name: 'scormType' };
  const files = new Set<string>();
  let launch: string | null = null;
  const base = (element: XmlElement | undefined) => (element ? (attr(element, 'base', XML_NAMESPACE) ?? '') : '');
  for (const resources of childrenNamed(root, cp, 'resources')) {
    for (const resource of childrenNamed(resources, cp, 'resource')) {
      const prefix = `${base(root)}${base(resources)}${base(resource)}`;
      const href = attr(resource, 'href');
      if (href !== undefined) {
        const file = packagePath(prefix + href);
        files.add(file);
        if (launch === null && attr(resource, scormType.name, scormType.ns)?.toLowerCase() === 'sco') launch = file;
      }
      for (const entry of childrenNamed(resource, cp, 'file')) {
        const fileHref = attr(entry, 'href');
        if (fileHref !== undefined) files.add(packagePath(prefix + fileHref));
      }
    }
  }
  return { launch, files: [...files] };
}

export interface Cmi5Au {
  readonly id: string;
  readonly url: string;
  /** The package path of a relative url; null for a fully qualified one (content hosted elsewhere). */
  readonly file: string | null;
  readonly moveOn: string;
  readonly masteryScore: string | null;
}

/** A cmi5.xml's AUs, blocks flattened in document order; null when the root is not a cmi5 course structure. */
export function cmi5Aus(root: XmlElement): Cmi5Au[] | null {
  if (root.namespace !== CMI5_NAMESPACE || root.local !== 'courseStructure') return null;
  const found: Cmi5Au[] = [];
  const walk = (parent: XmlElement) => {
    for (const child of parent.children) {
      if (child.namespace !== CMI5_NAMESPACE) continue;
      if (child.local === 'block') walk(child);
      if (child.local !== 'au') continue;
      const url = (childNamed(child, CMI5_NAMESPACE, 'url')?.text ?? '').trim();
      found.push({
        id: attr(child, 'id') ?? '',
        url,
        file: /^[A-Za-z][A-Za-z0-9+.-]*:/.test(url) ? null : packagePath(url),
        moveOn: attr(child, 'moveOn') ?? 'NotApplicable',
        masteryScore: attr(child, 'masteryScore') ?? null,
      });
    }
  };
  walk(root);
  return found;
}

/** An href as a path inside the zip: query and fragment dropped, percent-escapes decoded. */
function packagePath(href: string): string {
  const path = href.split(/[?#]/)[0] ?? '';
  try {
    return decodeURIComponent(path);
  } catch {
    return path;
  }
}

export interface CartridgeResource {
  readonly identifier: string;
  readonly type: string;
  /** The page a web content resource opens (its href), as a package path. */
  readonly href: string | null;
  readonly files: readonly string[];
}

/**
 * A Common Cartridge 1.1 manifest's resources and its modules (the items directly under the organization's root
 * item, as Canvas and Moodle make modules or sections of them); null when the root is not a CC 1.1 manifest.
 */
export function cartridgeContents(
  root: XmlElement,
): { resources: CartridgeResource[]; modules: string[]; version: string } | null {
  if (root.local !== 'manifest' || root.namespace !== CC_NAMESPACES.cp) return null;
  const cp = CC_NAMESPACES.cp;
  const metadata = childNamed(root, cp, 'metadata');
  const version = (metadata && childNamed(metadata, cp, 'schemaversion')?.text.trim()) ?? '';
  const resources = childrenNamed(root, cp, 'resources').flatMap((list) =>
    childrenNamed(list, cp, 'resource').map((resource) => {
      const href = attr(resource, 'href');
      return {
        identifier: attr(resource, 'identifier') ?? '',
        type: attr(resource, 'type') ?? '',
        href: href === undefined ? null : packagePath(href),
        files: childrenNamed(resource, cp, 'file').flatMap((file) => {
          const fileHref = attr(file, 'href');
          return fileHref === undefined ? [] : [packagePath(fileHref)];
        }),
      };
    }),
  );
  const organization = childrenNamed(root, cp, 'organizations').flatMap((list) =>
    childrenNamed(list, cp, 'organization'),
  )[0];
  const top = organization && childNamed(organization, cp, 'item');
  const modules = (top ? childrenNamed(top, cp, 'item') : [])
    .filter((item) => attr(item, 'identifierref') === undefined)
    .map((item) => childNamed(item, cp, 'title')?.text.trim() ?? '');
  return { resources, modules, version };
}
