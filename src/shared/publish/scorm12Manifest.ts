import { clip, hrefOf, type ManifestInput } from './manifestInput';
import { el, xmlDocument, xmlId } from './xml';

/** The schema files a SCORM 1.2 package carries at its root (ADL's Content Packaging 1.2 conformance). */
export const SCORM12_SCHEMA_FILES = [
  'imscp_rootv1p1p2.xsd',
  'adlcp_rootv1p2.xsd',
  'imsmd_rootv1p2p1.xsd',
  'ims_xml.xsd',
] as const;

const NS = {
  cp: 'http://www.imsproject.org/xsd/imscp_rootv1p1p2',
  adlcp: 'http://www.adlnet.org/xsd/adlcp_rootv1p2',
};

/** Description and language live in the player's lesson.json: see schemas.ts for why there is no LOM here. */
export function scorm12Manifest(input: ManifestInput): string {
  const title = clip(input.title, 200);
  const root = el(
    'manifest',
    {
      identifier: xmlId('FS_', `${input.lessonId}_${input.version}`),
      version: clip(input.version, 20),
      xmlns: NS.cp,
      'xmlns:adlcp': NS.adlcp,
      'xmlns:xsi': 'http://www.w3.org/2001/XMLSchema-instance',
      'xsi:schemaLocation': `${NS.cp} imscp_rootv1p1p2.xsd ${NS.adlcp} adlcp_rootv1p2.xsd`,
    },
    el('metadata', {}, el('schema', {}, 'ADL SCORM'), el('schemaversion', {}, '1.2')),
    el(
      'organizations',
      { default: 'ORG_1' },
      el(
        'organization',
        { identifier: 'ORG_1' },
        el('title', {}, title),
        el(
          'item',
          { identifier: 'ITEM_1', identifierref: 'SCO_1', isvisible: 'true' },
          el('title', {}, title),
          input.masteryPercent !== null && el('adlcp:masteryscore', {}, formatPercent(input.masteryPercent)),
        ),
      ),
    ),
    el(
      'resources',
      {},
      el(
        'resource',
        { identifier: 'SCO_1', type: 'webcontent', 'adlcp:scormtype': 'sco', href: hrefOf(input.launch) },
        ...input.files.map((file) => el('file', { href: hrefOf(file) })),
      ),
    ),
  );
  return xmlDocument(root);
}

/** masteryscore is 0-100; whole numbers where the teacher chose one, at most two decimals otherwise. */
function formatPercent(percent: number): string {
  return String(Math.round(Math.min(100, Math.max(0, percent)) * 100) / 100);
}
