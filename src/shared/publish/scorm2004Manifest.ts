import type { ManifestInput } from './manifestInput';
import { scormManifest, type ScormFlavour } from './scormManifest';
import { el } from './xml';

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

const FLAVOUR: ScormFlavour = {
  packaging: { namespace: 'http://www.imsglobal.org/xsd/imscp_v1p1', schema: 'imscp_v1p1.xsd' },
  extensions: {
    adlcp: { namespace: 'http://www.adlnet.org/xsd/adlcp_v1p3', schema: 'adlcp_v1p3.xsd' },
    adlseq: { namespace: 'http://www.adlnet.org/xsd/adlseq_v1p3', schema: 'adlseq_v1p3.xsd' },
    adlnav: { namespace: 'http://www.adlnet.org/xsd/adlnav_v1p3', schema: 'adlnav_v1p3.xsd' },
    imsss: { namespace: 'http://www.imsglobal.org/xsd/imsss', schema: 'imsss_v1p0.xsd' },
  },
  schemaVersion: '2004 4th Edition',
  scormTypeAttribute: 'adlcp:scormType',
};

/**
 * Mastery lives in the sequencing: the primary objective is satisfied by measure, so the LMS itself compares
 * cmi.score.scaled with minNormalizedMeasure. Completion is by measure too: the player's progress_measure is 1
 * exactly when the lesson's completion rule is met (src/shared/checkpoints/gating.ts).
 */
export function scorm2004Manifest(input: ManifestInput): string {
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
  return scormManifest(FLAVOUR, input, {
    item: [
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
    ],
    organization: [el('imsss:sequencing', {}, el('imsss:controlMode', { choice: 'true', flow: 'true' }))],
  });
}

function formatMeasure(value: number): string {
  return (Math.round(Math.min(1, Math.max(0, value)) * 10_000) / 10_000)
    .toFixed(4)
    .replace(/0+$/, '')
    .replace(/\.$/, '.0');
}
