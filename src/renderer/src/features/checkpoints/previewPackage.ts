import type { LessonDocument } from '../../../../shared/editor/document';
import type { TakeFile } from '../../../../shared/media/takes';
import { buildLessonPackage, type LessonPackage } from '../../../../shared/player';

export type PreviewBuild = { ok: true; lesson: LessonPackage; trustedOrigins: string[] } | { ok: false; message: string };

function mimeOf(file: TakeFile): string {
  const kind = file.videoCodec ? 'video' : 'audio';
  return /webm|matroska/i.test(file.container) ? `${kind}/webm` : `${kind}/mp4`;
}

/** "app-media://media" for Electron's media scheme, the page's origin for the browser host. */
function originOf(url: string): string {
  const parsed = new URL(url);
  return `${parsed.protocol}//${parsed.host}`;
}

/**
 * The package the learner preview plays: the lesson as it is now, in preview mode (the unrendered take, played
 * through the edit list), with the take's media vouched for as trusted by the player's address check.
 */
export function buildPreview(input: { doc: LessonDocument; file: TakeFile | undefined; title: string; mediaUrl: (path: string) => string; pageUrl: string }): PreviewBuild {
  const { doc, file } = input;
  if (!file) return { ok: false, message: 'This take has no video or sound to preview.' };
  const src = new URL(input.mediaUrl(file.path), input.pageUrl).href;
  try {
    const lesson = buildLessonPackage({
      title: input.title,
      language: 'en',
      document: doc,
      checkpoints: doc.checkpoints,
      rules: doc.rules,
      media: { renditions: [{ label: 'Preview', src, type: mimeOf(file), width: file.width ?? undefined, height: file.height ?? undefined }] },
      preview: true,
    });
    return { ok: true, lesson, trustedOrigins: [originOf(src)] };
  } catch (error) {
    return { ok: false, message: `The lesson cannot be previewed yet: ${error instanceof Error ? error.message : String(error)}` };
  }
}
