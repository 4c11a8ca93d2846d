/**
 * The decisions the test LMS makes the way Moodle does (mod/scorm: locallib.php scorm_check_mode, the datamodels'
 * loaders), where Moodle is stricter than the SCORM runtime alone: what the manifest says the LMS enforces, and in
 * which mode and with which data the next launch starts. Pure, so the rules have tests of their own.
 */
import { attr, childNamed, childrenNamed, parseXml, type XmlElement } from '../../src/main/publish/xmlTree';

export type ScormVersion = '12' | '2004';

/** What the LMS reads from the manifest and hands the SCO as read-only data-model elements. */
export interface ManifestRules {
  /** 1.2 adlcp:masteryscore, 0-100, as written. */
  readonly masteryScore: string | null;
  /** 2004 cmi.scaled_passing_score: the primary objective's minNormalizedMeasure when satisfiedByMeasure. */
  readonly scaledPassingScore: string | null;
  /** 2004 cmi.completion_threshold: adlcp:completionThreshold's minProgressMeasure when completedByMeasure. */
  readonly completionThreshold: string | null;
}

const NS = {
  cp12: 'http://www.imsproject.org/xsd/imscp_rootv1p1p2',
  adlcp12: 'http://www.adlnet.org/xsd/adlcp_rootv1p2',
  cp2004: 'http://www.imsglobal.org/xsd/imscp_v1p1',
  adlcp2004: 'http://www.adlnet.org/xsd/adlcp_v1p3',
  imsss: 'http://www.imsglobal.org/xsd/imsss',
};

/** The first item of the default organization that launches a SCO: what the LMS launches. */
function firstItem(root: XmlElement, cp: string): XmlElement | undefined {
  const organizations = childNamed(root, cp, 'organizations');
  if (!organizations) return undefined;
  const wanted = attr(organizations, 'default');
  const organization =
    childrenNamed(organizations, cp, 'organization').find((candidate) => attr(candidate, 'identifier') === wanted) ??
    childNamed(organizations, cp, 'organization');
  return organization && childNamed(organization, cp, 'item');
}

export function manifestRules(version: ScormVersion, manifest: string): ManifestRules {
  const parsed = parseXml(manifest);
  if ('error' in parsed) throw new Error(`The test LMS cannot read the manifest: ${parsed.error}`);
  const none: ManifestRules = { masteryScore: null, scaledPassingScore: null, completionThreshold: null };
  if (version === '12') {
    const item = firstItem(parsed.root, NS.cp12);
    const mastery = item && childNamed(item, NS.adlcp12, 'masteryscore');
    return { ...none, masteryScore: mastery ? mastery.text.trim() : null };
  }
  const item = firstItem(parsed.root, NS.cp2004);
  if (!item) return none;
  const threshold = childNamed(item, NS.adlcp2004, 'completionThreshold');
  const sequencing = childNamed(item, NS.imsss, 'sequencing');
  const objectives = sequencing && childNamed(sequencing, NS.imsss, 'objectives');
  const objective = objectives && childNamed(objectives, NS.imsss, 'primaryObjective');
  const measure = objective && childNamed(objective, NS.imsss, 'minNormalizedMeasure');
  return {
    masteryScore: null,
    scaledPassingScore:
      objective && attr(objective, 'satisfiedByMeasure') === 'true' ? (measure?.text.trim() ?? '1.0') : null,
    completionThreshold:
      threshold && attr(threshold, 'completedByMeasure') === 'true'
        ? (attr(threshold, 'minProgressMeasure') ?? '1.0')
        : null,
  };
}

/** How the previous session of this learner ended, as the LMS stored it. */
export interface StoredAttempt {
  readonly number: number;
  /** The whole data model as the runtime serialised it at the last commit (scorm-again's JSON). */
  readonly cmi: Record<string, unknown>;
}

export interface Launch {
  readonly attempt: number;
  readonly mode: 'normal' | 'review';
  readonly credit: 'credit' | 'no-credit';
  /** 1.2 and 2004 spell the first entry alike; "" is neither a first entry nor a resume. */
  readonly entry: 'ab-initio' | 'resume' | '';
  /** What the runtime is loaded with: the stored attempt when resumed or reviewed, nothing for a fresh attempt. */
  readonly data: Record<string, unknown> | null;
}

const read = (cmi: Record<string, unknown>, ...path: string[]): string => {
  let value: unknown = cmi;
  for (const key of path) value = value && typeof value === 'object' ? (value as Record<string, unknown>)[key] : '';
  return typeof value === 'string' ? value : '';
};

/** An attempt is over for Moodle once its status is completed, passed or failed (scorm_check_mode). */
export function attemptIsOver(version: ScormVersion, cmi: Record<string, unknown>): boolean {
  if (version === '12') return ['completed', 'passed', 'failed'].includes(read(cmi, 'core', 'lesson_status'));
  return read(cmi, 'completion_status') === 'completed' || ['passed', 'failed'].includes(read(cmi, 'success_status'));
}

/**
 * The next launch: review mode (no credit, nothing recorded) after an attempt that is over; the same attempt
 * resumed with its data only after exit = suspend; otherwise a new attempt that starts from nothing.
 */
export function nextLaunch(version: ScormVersion, previous: StoredAttempt | null): Launch {
  if (!previous) return { attempt: 1, mode: 'normal', credit: 'credit', entry: 'ab-initio', data: null };
  const exit = version === '12' ? read(previous.cmi, 'core', 'exit') : read(previous.cmi, 'exit');
  if (attemptIsOver(version, previous.cmi))
    return { attempt: previous.number, mode: 'review', credit: 'no-credit', entry: '', data: previous.cmi };
  if (exit === 'suspend')
    return { attempt: previous.number, mode: 'normal', credit: 'credit', entry: 'resume', data: previous.cmi };
  return { attempt: previous.number + 1, mode: 'normal', credit: 'credit', entry: 'ab-initio', data: null };
}
