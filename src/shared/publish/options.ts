import { z } from 'zod';
import { idSchema } from '../library/schemas';
import { stripBidiControls } from '../library/text';
import { lessonRulesSchema } from '../checkpoints/schema';

export const publishFormatSchema = z.enum(['scorm12', 'scorm2004', 'cmi5', 'web', 'classServer', 'cc']);
export type PublishFormat = z.infer<typeof publishFormatSchema>;

export const FORMAT_LABELS: Record<PublishFormat, string> = {
  scorm12: 'SCORM 1.2',
  scorm2004: 'SCORM 2004 4th edition',
  cmi5: 'cmi5',
  web: 'Web folder',
  classServer: 'Class server',
  cc: 'Common Cartridge',
};

/**
 * What one package holds: this lesson, or (a cmi5 course only) every lesson of its project in lesson order. A Common
 * Cartridge always holds the whole project.
 */
export const courseScopeSchema = z.enum(['lesson', 'project']);

/**
 * How a Common Cartridge carries each lesson. `link`: an LTI link to the lesson on the class server, so grades come
 * back (every lesson must have been published there). `linkOrWeb`: the link where the lesson is on the server, the
 * lesson itself as web content where it is not. `web`: every lesson as web content, for schools without the server:
 * it plays in the LMS, but nothing is reported.
 */
export const cartridgeLessonsSchema = z.enum(['link', 'linkOrWeb', 'web']);
export type CartridgeLessons = z.infer<typeof cartridgeLessonsSchema>;

export const languageSchema = z
  .string()
  .regex(/^[A-Za-z]{2,3}(-[A-Za-z0-9]{1,8}){0,4}$/, { error: 'A language is a tag such as "en" or "fr-CA"' });

/**
 * How the lesson's picture travels. `player`: the recording cut without re-encoding (screen with its sound, camera
 * apart), the learner's player drawing the camera bubble and callouts over it, in step: ready seconds after the
 * recording. `renders`: the chosen renders, everything drawn into one video file, for places that need one file.
 */
export const publishVideoSchema = z.enum(['player', 'renders']);
export type PublishVideo = z.infer<typeof publishVideoSchema>;

/** What the teacher chooses in the publish dialog (or the CLI's flags); rules start as the lesson's own. */
export const publishSettingsSchema = z.object({
  format: publishFormatSchema,
  /** Left out: `renders` when renders are named (what callers before this choice sent), else `player`; see videoOf. */
  video: publishVideoSchema.optional(),
  /** The renders a `renders` package carries (at least one then); a `player` package carries none. */
  renderIds: z.array(idSchema).max(12).default([]),
  // 200: the longest title SCORM 1.2's manifest schema allows.
  title: z
    .string()
    .transform(stripBidiControls)
    .pipe(
      z
        .string()
        .trim()
        .min(1, { error: 'The package needs a title' })
        .max(200, { error: 'A title is at most 200 characters' }),
    ),
  description: z
    .string()
    .transform(stripBidiControls)
    .pipe(z.string().max(2000, { error: 'A description is at most 2000 characters' }))
    .default(''),
  language: languageSchema,
  // 20: the manifest's version attribute allows no more.
  version: z
    .string()
    .transform(stripBidiControls)
    .pipe(
      z
        .string()
        .trim()
        .min(1, { error: 'Give a version, such as 1.0' })
        .max(20, { error: 'A version is at most 20 characters' }),
    ),
  masteryPercent: lessonRulesSchema.shape.masteryPercent.unwrap(),
  completion: z.object({
    minWatchedPercent: z.number().min(0).max(100),
    requireAllRequiredCheckpoints: z.boolean(),
  }),
  courseScope: courseScopeSchema.default('lesson'),
  /** Common Cartridge only: how each lesson goes in (a cartridge always holds every lesson of the project). */
  cartridgeLessons: cartridgeLessonsSchema.default('link'),
});
export type PublishSettings = z.output<typeof publishSettingsSchema>;

/** The file name an export gets: the title folded to safe ASCII, then the format, then the version. */
export function exportBaseName(title: string, format: PublishFormat, version: string): string {
  const slug = (text: string) =>
    text
      .normalize('NFKD')
      .replace(/[\u0300-\u036f]/g, '')
      .replace(/[^A-Za-z0-9]+/g, '-')
      .replace(/^-+|-+$/g, '')
      .slice(0, 60)
      .toLowerCase();
  return [slug(title) || 'lesson', format, slug(version) || '1'].join('-');
}

/** How a package's picture travels: as chosen, else renders when some are named, else the recording for the player. */
export function videoOf(settings: { video?: PublishVideo | undefined; renderIds?: readonly string[] }): PublishVideo {
  return settings.video ?? ((settings.renderIds?.length ?? 0) > 0 ? 'renders' : 'player');
}
