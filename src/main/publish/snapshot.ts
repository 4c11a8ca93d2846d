import path from 'node:path';
import { StudioError } from '@shared/contract/result';
import type { LessonDocument } from '@shared/editor/document';
import type { Lesson, Project } from '@shared/library/schemas';
import type { Caption } from '@shared/captions';
import type { Render } from '@shared/media/renders';
import type { PublishSettings } from '@shared/publish/options';

/** Where a snapshot's facts come from: the services themselves in the app, the dispatcher in the CLI. */
export interface SnapshotSource {
  readonly mediaRoot: string;
  openDocument(lessonId: string): Promise<LessonDocument> | LessonDocument;
  listRenders(lessonId: string): Promise<Render[]> | Render[];
  getLesson(lessonId: string): Promise<{ lesson: Lesson; project: Project }> | { lesson: Lesson; project: Project };
  listCaptions(lessonId: string): Promise<Caption[]> | Caption[];
}

export interface SnapshotRender extends Render {
  /** Absolute, resolved once here so the builders never see a path from outside. */
  readonly file: string;
}

/** Everything a package is built from, copied and frozen at one instant: later edits cannot leak into a build. */
export interface LessonSnapshot {
  readonly takenAt: number;
  readonly lesson: Lesson;
  readonly project: Project;
  readonly document: LessonDocument;
  readonly renders: readonly SnapshotRender[];
  /** Each with its absolute `file`, like the renders. */
  readonly captions: readonly (Caption & { readonly file: string })[];
  readonly settings: PublishSettings;
}

/** A render shows the document as it is now only if it was made from this take at this revision. */
export function isUpToDate(render: Render, document: Pick<LessonDocument, 'takeId' | 'revision'>): boolean {
  return render.status === 'ready' && render.takeId === document.takeId && render.revision === document.revision;
}

export async function takeSnapshot(
  source: SnapshotSource,
  lessonId: string,
  settings: PublishSettings,
  now: () => number = Date.now,
): Promise<LessonSnapshot> {
  const [info, document, renders, captions] = await Promise.all([
    source.getLesson(lessonId),
    source.openDocument(lessonId),
    source.listRenders(lessonId),
    source.listCaptions(lessonId),
  ]);
  const chosen = settings.renderIds.map((id) => {
    const render = renders.find((candidate) => candidate.id === id);
    if (!render) throw new StudioError('not_found', 'A chosen rendition no longer exists; reopen the publish dialog');
    if (!isUpToDate(render, document)) {
      throw new StudioError(
        'conflict',
        `The ${render.label} rendition is out of date: the lesson was edited after it was rendered. Render it again first.`,
      );
    }
    return { ...render, file: path.join(source.mediaRoot, ...render.path.split('/')) };
  });
  return deepFreeze(
    structuredClone({
      takenAt: now(),
      lesson: info.lesson,
      project: info.project,
      document,
      renders: chosen,
      captions: captions.map((caption) => ({
        ...caption,
        file: path.join(source.mediaRoot, ...caption.path.split('/')),
      })),
      settings,
    }),
  );
}

function deepFreeze<T>(value: T): T {
  if (value && typeof value === 'object' && !Object.isFrozen(value)) {
    Object.freeze(value);
    for (const child of Object.values(value)) deepFreeze(child);
  }
  return value;
}
