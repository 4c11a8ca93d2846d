import path from 'node:path';
import type { LessonPackage } from '@shared/player/lessonPackage';
import type { ManifestInput } from '@shared/publish/manifestInput';
import type { PublishFormat } from '@shared/publish/options';
import { scorm12Manifest } from '@shared/publish/scorm12Manifest';
import { scorm2004Manifest } from '@shared/publish/scorm2004Manifest';
import { planCc } from './planCc';
import { planCmi5 } from './planCmi5';
import { SCHEMA_FILES, SCHEMA_FOLDERS } from './schemas';
import { fileEntry, LAUNCH_PAGE, scoFiles, textEntry, type PackageEntry, type PlanAssets } from './scoFiles';
import type { LessonSnapshot } from './snapshot';

export { withLmsMeta, type PackageEntry, type PlanAssets } from './scoFiles';

export interface PackagePlan {
  readonly format: PublishFormat;
  readonly entries: readonly PackageEntry[];
  /**
   * The lesson the package was published from (the first of a course's AUs is not necessarily it); null in a
   * cartridge that links to it on the class server instead of carrying it.
   */
  readonly lesson: LessonPackage | null;
  readonly launch: string;
}

/** The file list for one format, from one frozen snapshot. Pure but for reading the player and schema files. */
export function planPackage(snapshot: LessonSnapshot, assets: PlanAssets): PackagePlan {
  const { settings } = snapshot;
  if (settings.format === 'cmi5') return planCmi5(snapshot, assets);
  if (settings.format === 'cc') return planCc(snapshot, assets);
  const { entries: sco, lesson } = scoFiles(snapshot, assets, { prefix: '', title: settings.title });
  if (settings.format === 'web' || settings.format === 'classServer')
    return { format: settings.format, entries: sco, lesson, launch: LAUNCH_PAGE };

  const version = settings.format;
  const scored = lesson.checkpoints.some((checkpoint) => checkpoint.points > 0);
  const input: ManifestInput = {
    lessonId: snapshot.lesson.id,
    title: settings.title,
    description: settings.description,
    language: settings.language,
    version: settings.version,
    masteryPercent: scored ? settings.masteryPercent : null,
    files: sco.map((entry) => entry.path),
    launch: LAUNCH_PAGE,
  };
  const manifest = version === 'scorm12' ? scorm12Manifest(input) : scorm2004Manifest(input);
  const schemas = SCHEMA_FILES[version].map((file) =>
    fileEntry(file, path.join(assets.schemaRoot, SCHEMA_FOLDERS[version], file), true),
  );
  return {
    format: version,
    entries: [textEntry('imsmanifest.xml', manifest), ...schemas, ...sco],
    lesson,
    launch: LAUNCH_PAGE,
  };
}
