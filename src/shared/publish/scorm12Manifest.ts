import type { ManifestInput } from './manifestInput';
import { scormManifest, type ScormFlavour } from './scormManifest';
import { el } from './xml';

/** The schema files a SCORM 1.2 package carries at its root (ADL's Content Packaging 1.2 conformance). */
export const SCORM12_SCHEMA_FILES = [
  'imscp_rootv1p1p2.xsd',
  'adlcp_rootv1p2.xsd',
  'imsmd_rootv1p2p1.xsd',
  'ims_xml.xsd',
] as const;

const FLAVOUR: ScormFlavour = {
  packaging: { namespace: 'http://www.imsproject.org/xsd/imscp_rootv1p1p2', schema: 'imscp_rootv1p1p2.xsd' },
  extensions: { adlcp: { namespace: 'http://www.adlnet.org/xsd/adlcp_rootv1p2', schema: 'adlcp_rootv1p2.xsd' } },
  schemaVersion: '1.2',
  scormTypeAttribute: 'adlcp:scormtype',
};

/** Description and language live in the player's lesson.json: see schemas.ts for why there is no LOM here. */
export function scorm12Manifest(input: ManifestInput): string {
  const mastery = input.masteryPercent !== null && el('adlcp:masteryscore', {}, formatPercent(input.masteryPercent));
  return scormManifest(FLAVOUR, input, { item: [mastery] });
}

/** masteryscore is 0-100; whole numbers where the teacher chose one, at most two decimals otherwise. */
function formatPercent(percent: number): string {
  return String(Math.round(Math.min(100, Math.max(0, percent)) * 100) / 100);
}
