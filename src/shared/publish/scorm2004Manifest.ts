import { clip, hrefOf, type ManifestInput } from './manifestInput';
import { el, xmlDocument, xmlId } from './xml';

/** The schema files a SCORM 2004 4th edition package carries at its root, as ADL's CAM book lists them. */
export const SCORM2004_SCHEMA_FILES = [
  'imscp_v1p1.xsd',
  'adlcp_v1p3.xsd',
  'adlseq_v1p3.xsd',
  'adlnav_v1p3.xsd',
  'imsss_v1p0.xsd',
  'imsss_v1p0auxresource.xsd',
  'imsss_v1p0control.xsd',
  'imsss_v1p0delivery.xsd',
  'imsss_v1p0limit.xsd',
  'imsss_v1p0objective.xsd',
  'imsss_v1p0random.xsd',
  'imsss_v1p0rollup.xsd',
  'imsss_v1p0seqrule.xsd',
  'imsss_v1p0util.xsd',
  'xml.xsd',
  'XMLSchema.dtd',
  'datatypes.dtd',
] as const;

const NS = {
  cp: 'http://www.imsglobal.org/xsd/imscp_v1p1',
  adlcp: 'http://www.adlnet.org/xsd/adlcp_v1p3',
  adlseq: 'http://www.adlnet.org/xsd/adlseq_v1p3',
  adlnav: 'http://www.adlnet.org/xsd/adlnav_v1p3',
  imsss: 'http://www.imsglobal.org/xsd/imsss',
};

/**
 * Mastery lives in the sequencing: the primary objective is satisfied by measure, so the LMS itself compares
 * cmi.score.scaled with minNormalizedMeasure. Completion is by measure too: the player's progress_measure is 1
 * exactly when the lesson's completion rule is met (src/shared/checkpoints/gating.ts).
 */
export function scorm2004Manifest(input: ManifestInput): string {
  const title = clip(input.title, 200);
  const objectives =
    input.masteryPercent !== null &&
    el(
      'imsss:objectives',
      {},
      el(
        'imsss:primaryObjective',
        { objectiveID: 'PRIMARY_OBJ', satisfiedByMeasure: 'true' },
        el('imsss:minNormalizedMeasure', {}, formatMeasure(input.masteryPercent / 100)),
      ),
    );
  const root = el(
    'manifest',
    {
      identifier: xmlId('FS_', `${input.lessonId}_${input.version}`),
      version: clip(input.version, 20),
      xmlns: NS.cp,
      'xmlns:adlcp': NS.adlcp,
      'xmlns:adlseq': NS.adlseq,
      'xmlns:adlnav': NS.adlnav,
      'xmlns:imsss': NS.imsss,
      'xmlns:xsi': 'http://www.w3.org/2001/XMLSchema-instance',
      'xsi:schemaLocation': [
        `${NS.cp} imscp_v1p1.xsd`,
        `${NS.adlcp} adlcp_v1p3.xsd`,
        `${NS.adlseq} adlseq_v1p3.xsd`,
        `${NS.adlnav} adlnav_v1p3.xsd`,
        `${NS.imsss} imsss_v1p0.xsd`,
      ].join(' '),
    },
    el('metadata', {}, el('schema', {}, 'ADL SCORM'), el('schemaversion', {}, '2004 4th Edition')),
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
          el('adlcp:completionThreshold', { completedByMeasure: 'true', minProgressMeasure: '1.0' }),
          el(
            'imsss:sequencing',
            {},
            objectives,
            el('imsss:deliveryControls', {
              tracked: 'true',
              completionSetByContent: 'true',
              objectiveSetByContent: 'true',
            }),
          ),
        ),
        el('imsss:sequencing', {}, el('imsss:controlMode', { choice: 'true', flow: 'true' })),
      ),
    ),
    el(
      'resources',
      {},
      el(
        'resource',
        { identifier: 'SCO_1', type: 'webcontent', 'adlcp:scormType': 'sco', href: hrefOf(input.launch) },
        ...input.files.map((file) => el('file', { href: hrefOf(file) })),
      ),
    ),
  );
  return xmlDocument(root);
}

function formatMeasure(value: number): string {
  return (Math.round(Math.min(1, Math.max(0, value)) * 10_000) / 10_000)
    .toFixed(4)
    .replace(/0+$/, '')
    .replace(/\.$/, '.0');
}
