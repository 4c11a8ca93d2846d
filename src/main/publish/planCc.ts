import path from 'node:path';
import { escapeHtml } from '@shared/checkpoints/markdown';
import { ccLtiLink } from '@shared/publish/ccLtiLink';
import { CC_MANIFEST_FILE, ccManifest, type CcItem, type CcModule } from '@shared/publish/ccManifest';
import type { PackagePlan } from './plan';
import { NOTES_FOLDER, notesEntries } from './lessonExtras';
import { fileEntry, LAUNCH_PAGE, scoFiles, textEntry, type PackageEntry, type PlanAssets } from './scoFiles';
import type { LessonSnapshot } from './snapshot';

export const CC_LTI_FILE = 'lti.xml';
const ABOUT_PAGE = 'about/index.html';

/**
 * A Common Cartridge of the whole project: imsmanifest.xml, an "About this unit" page when there is a description,
 * and one folder per lesson in lesson order (lesson-1/, lesson-2/ …) holding either its LTI link (lti.xml, launched on
 * the class server, which reports grades) or the lesson itself as the web folder's player (it plays in the LMS, but
 * nothing is reported), and its notes as a page of their own.
 */
export function planCc(snapshot: LessonSnapshot, assets: PlanAssets): PackagePlan {
  const { settings, project } = snapshot;
  const lessons = snapshot.course ?? [snapshot];
  const parts = lessons.map((lesson, index) => lessonPart(lesson, `lesson-${String(index + 1)}/`, assets));
  const description = settings.description.trim() !== '' ? settings.description : project.description;
  const about = description.trim() === '' ? null : aboutPage(settings.title, description, settings.language);
  const manifest = ccManifest({
    cartridgeId: project.id,
    title: settings.title,
    description,
    language: settings.language,
    intro: about
      ? [{ kind: 'webcontent', title: 'About this unit', href: ABOUT_PAGE, files: [ABOUT_PAGE] } as const]
      : [],
    modules: parts.map((part) => part.module),
  });
  const own = parts.find((part) => part.lessonId === snapshot.lesson.id) ?? parts[0];
  if (!own) throw new Error('A cartridge needs at least one lesson');
  return {
    format: 'cc',
    entries: [
      textEntry(CC_MANIFEST_FILE, manifest),
      ...(about ? [textEntry(ABOUT_PAGE, about)] : []),
      ...parts.flatMap((part) => part.entries),
    ],
    lesson: own.lesson,
    launch: own.launch,
  };
}

function lessonPart(lesson: LessonSnapshot, folder: string, assets: PlanAssets) {
  const title = lesson.lesson.title;
  const notesOf = (entries: readonly PackageEntry[]) =>
    entries.filter((entry) => entry.path.startsWith(`${folder}${NOTES_FOLDER}`));
  if (lesson.lessonUrl !== null) {
    const link = `${folder}${CC_LTI_FILE}`;
    const notes = notesEntries(lesson.notes, assets, folder, title, lesson.settings.language);
    // The notes page takes its look from the player's style sheet, which a linked lesson's folder otherwise lacks.
    const style =
      notes.length > 0 ? [fileEntry(`${folder}player.css`, path.join(assets.playerDir, 'player.css'), true)] : [];
    const entries = [
      textEntry(link, ccLtiLink({ title, description: '', launchUrl: lesson.lessonUrl })),
      ...notes,
      ...style,
    ];
    return {
      lessonId: lesson.lesson.id,
      lesson: null,
      launch: link,
      entries,
      module: moduleOf(lesson, [{ kind: 'lti', title, file: link }], notes, style),
    };
  }
  const { entries, lesson: built } = scoFiles(lesson, assets, { prefix: folder, title });
  const notes = notesOf(entries);
  const player = entries.filter((entry) => !notes.includes(entry)).map((entry) => entry.path);
  const launch = `${folder}${LAUNCH_PAGE}`;
  const style = entries.filter((entry) => entry.path === `${folder}player.css`);
  return {
    lessonId: lesson.lesson.id,
    lesson: built,
    launch,
    entries,
    module: moduleOf(lesson, [{ kind: 'webcontent', title, href: launch, files: player }], notes, style),
  };
}

function moduleOf(
  lesson: LessonSnapshot,
  items: CcItem[],
  notes: readonly PackageEntry[],
  style: readonly PackageEntry[],
): CcModule {
  const page = notes.find((entry) => entry.path.endsWith(`${NOTES_FOLDER}index.html`));
  const notesItem: CcItem[] = page
    ? [
        {
          kind: 'webcontent',
          title: `Notes: ${lesson.lesson.title}`,
          href: page.path,
          files: [
            page.path,
            ...notes.filter((entry) => entry !== page).map((entry) => entry.path),
            ...style.map((entry) => entry.path),
          ],
        },
      ]
    : [];
  return { lessonId: lesson.lesson.id, title: lesson.lesson.title, items: [...items, ...notesItem] };
}

/** The unit's description as a page of its own: plain paragraphs, no script, readable in any LMS. */
function aboutPage(title: string, description: string, language: string): string {
  const paragraphs = description
    .split(/\n\s*\n/)
    .map((paragraph) => paragraph.trim())
    .filter((paragraph) => paragraph !== '')
    .map((paragraph) => `    <p>${escapeHtml(paragraph).replace(/\n/g, '<br />')}</p>`)
    .join('\n');
  return `<!doctype html>
<html lang="${escapeHtml(language)}">
  <head>
    <meta charset="utf-8" />
    <meta name="viewport" content="width=device-width, initial-scale=1" />
    <meta http-equiv="Content-Security-Policy" content="default-src 'none'; style-src 'unsafe-inline'; base-uri 'none'; form-action 'none'" />
    <title>${escapeHtml(title)}</title>
  </head>
  <body>
    <h1>${escapeHtml(title)}</h1>
${paragraphs}
  </body>
</html>
`;
}
