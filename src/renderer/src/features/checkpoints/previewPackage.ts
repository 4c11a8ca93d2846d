import { lessonCues } from '@shared/captions/placement';
import { writeSubtitles } from '@shared/captions/subtitleFiles';
import type { LessonDocument } from '@shared/editor/document';
import type { TakeFile } from '@shared/media/takes';
import type { Render } from '@shared/media/renders';
import { buildLessonPackage, type LessonPackage } from '@shared/player';

/** `note` says, when the preview is not the exported video, why and how to get it. */
export type PreviewBuild = { ok: true; lesson: LessonPackage; note: string | null } | { ok: false; message: string };

export const NOTE_OUT_OF_DATE =
  'The latest render is out of date, so this is the recording with the camera and callouts drawn by the player, as a package of the recording shows them. Render again to preview the rendered video.';

/**
 * The render that is exactly what learners get: ready, of this take, made from the document's current revision,
 * with a picture (an audio-only rendition is left for slow connections), the newest and then the largest.
 */
export function currentRender(renders: readonly Render[], takeId: string, revision: number | null): Render | null {
  const fits = renders.filter(
    (render) =>
      render.status === 'ready' &&
      render.takeId === takeId &&
      render.revision === revision &&
      render.videoCodec !== null,
  );
  return fits.toSorted((a, b) => b.createdAt - a.createdAt || (b.height ?? 0) - (a.height ?? 0))[0] ?? null;
}

function renderMime(render: Render): string {
  const kind = render.videoCodec ? 'video' : 'audio';
  return render.path.toLowerCase().endsWith('.webm') ? `${kind}/webm` : `${kind}/mp4`;
}

function mimeOf(file: TakeFile): string {
  const kind = file.videoCodec ? 'video' : 'audio';
  return /webm|matroska/i.test(file.container) ? `${kind}/webm` : `${kind}/mp4`;
}

interface PreviewInput {
  doc: LessonDocument;
  file: TakeFile | undefined;
  /** The camera recorded apart, drawn by the player as the bubble over the unrendered take. */
  camera?: TakeFile | undefined;
  /** The lesson's captions tracks in lesson time, each at an address the page can load: offered as a package would. */
  captions?: readonly { readonly label: string; readonly srclang: string; readonly src: string }[];
  /** The lesson's renders; the preview plays the current one when there is one. */
  renders?: readonly Render[];
  /** The revision the document was saved as (its own field may be older); null while a change is being saved. */
  revision?: number | null;
  title: string;
  mediaUrl: (path: string) => string;
  pageUrl: string;
}

/**
 * The package the learner preview plays; its media are on the page's own origin, which the player's address check
 * allows in both transports.
 * With a render of the current revision it is exactly that export (the bubble and callouts burned in, already in
 * lesson time); otherwise the unrendered take played through the edit list, the player drawing the camera bubble and
 * every callout over it as it does in a package of the recording (a callout inside a cut is never shown).
 */
export function buildPreview(input: PreviewInput): PreviewBuild {
  const { doc, file } = input;
  const renders = input.renders ?? [];
  const revision = input.revision === undefined ? doc.revision : input.revision;
  const render = currentRender(renders, doc.takeId, revision);
  const chosen = render
    ? { path: render.path, label: render.label, type: renderMime(render), width: render.width, height: render.height }
    : file && { path: file.path, label: 'Preview', type: mimeOf(file), width: file.width, height: file.height };
  if (!chosen) return { ok: false, message: 'This recording has no video or sound to preview.' };
  const absolute = (path: string) => new URL(input.mediaUrl(path), input.pageUrl).href;
  const src = absolute(chosen.path);
  const camera = !render && file && input.camera ? input.camera : null;
  const stale = renders.some((r) => r.status === 'ready' && r.takeId === doc.takeId && r.revision !== revision);
  try {
    const lesson = buildLessonPackage({
      title: input.title,
      language: 'en',
      document: doc,
      checkpoints: doc.checkpoints,
      rules: doc.rules,
      media: {
        renditions: [
          {
            label: chosen.label,
            src,
            type: chosen.type,
            width: chosen.width ?? undefined,
            height: chosen.height ?? undefined,
          },
        ],
        captions: [...(input.captions ?? [])],
        ...(camera && file
          ? {
              camera: {
                label: 'Camera',
                src: absolute(camera.path),
                type: mimeOf(camera),
                width: camera.width ?? undefined,
                height: camera.height ?? undefined,
                // The player seeks the camera to the screen's media time less this: both files on the take's clock.
                offsetMs: camera.startOffsetMs - file.startOffsetMs,
              },
            }
          : {}),
      },
      preview: render === null,
      callouts: render ? 'overlaid' : 'all',
    });
    return { ok: true, lesson, note: render === null && stale ? NOTE_OUT_OF_DATE : null };
  } catch (error) {
    return {
      ok: false,
      message: `The lesson cannot be previewed yet: ${error instanceof Error ? error.message : String(error)}`,
    };
  }
}

/** The document's captions tracks with a cue that still plays, as WebVTT in lesson time (as publishing writes them). */
export function previewTracks(doc: LessonDocument): { label: string; srclang: string; text: string }[] {
  return doc.captionTracks.flatMap((track) => {
    const cues = lessonCues(doc.editList, doc.captionCues, track.id);
    return cues.length === 0 ? [] : [{ label: track.label, srclang: track.srclang, text: writeSubtitles(cues, 'vtt') }];
  });
}
