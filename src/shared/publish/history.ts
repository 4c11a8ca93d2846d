import { z } from 'zod';
import { idSchema } from '../library/schemas';
import { readableFileName } from '../format/fileName';
import { publishFormatSchema, type PublishFormat } from './options';

/** One finished publish of a lesson, as its history lists it. */
export const publishRecordSchema = z.object({
  id: idSchema,
  lessonId: idSchema,
  format: publishFormatSchema,
  title: z.string(),
  /** The version the publish itself was given (what the manifest says), not a guess made afterwards. */
  version: z.string(),
  kind: z.enum(['zip', 'folder', 'classServer']),
  /** `<project>/exports/<name>` under the media root; null for the class server, which keeps its own copy. */
  path: z.string().nullable(),
  /** On the class server: the address learners open and the server's version number. */
  url: z.string().nullable(),
  serverVersion: z.number().int().positive().nullable(),
  sizeBytes: z.number().int().nonnegative(),
  publishedAt: z.number().int(),
  /** What learners get from this package is no longer the lesson as it is now (questions, cuts, notes…). */
  changedSince: z.boolean(),
  /** The package's file is no longer in the library (removed by hand outside the app). */
  missing: z.boolean(),
});
export type PublishRecord = z.infer<typeof publishRecordSchema>;

/** The formats as a teacher names them in a file name: short, without the edition. */
const SHORT_FORMATS: Record<PublishFormat, string> = {
  scorm12: 'SCORM 1.2',
  scorm2004: 'SCORM 2004',
  cmi5: 'cmi5',
  web: 'Web folder',
  classServer: 'Class server',
  cc: 'Common Cartridge',
};

/** The extension a package file has: a Common Cartridge is `.imscc` (what an LMS's import looks for), others `.zip`. */
export function packageExtension(format: PublishFormat): 'zip' | 'imscc' {
  return format === 'cc' ? 'imscc' : 'zip';
}

/**
 * The name a package is saved or downloaded under: `Forces and motion (SCORM 2004, version 1.1).zip`, a web folder
 * without the extension (or with `.zip` when it travels as one).
 */
export function packageFileName(
  record: Pick<PublishRecord, 'title' | 'format' | 'version'>,
  extension: 'zip' | 'imscc' | '',
): string {
  return readableFileName(`${record.title} (${SHORT_FORMATS[record.format]}, version ${record.version})`, extension);
}

/**
 * The version to offer next after `last`: its last number one up (1.0 → 1.1, 2 → 3, 1.9 → 1.10, 2.0-beta1 →
 * 2.0-beta2); a version with no number in it is offered again as it was.
 */
export function nextVersion(last: string): string {
  const match = /(\d+)(\D*)$/.exec(last);
  if (!match?.[1]) return last;
  const bumped = String(Number(match[1]) + 1);
  return `${last.slice(0, match.index)}${bumped}${match[2] ?? ''}`;
}
