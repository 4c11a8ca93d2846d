import path from 'node:path';
import { StudioError } from '@shared/contract/result';
import type { LessonDocument } from '@shared/editor/document';
import type { Lesson, Project } from '@shared/library/schemas';
import type { Caption } from '@shared/captions';
import type { Render } from '@shared/media/renders';
import { videoOf, type PublishSettings } from '@shared/publish/options';
import type { LayerFile, Layers } from '../cut/layers';

/** Where a snapshot's facts come from: the services themselves in the app, the dispatcher in the CLI. */
export interface SnapshotSource {
  readonly mediaRoot: string;
  openDocument(lessonId: string): Promise<LessonDocument> | LessonDocument;
  listRenders(lessonId: string): Promise<Render[]> | Render[];
  getLesson(lessonId: string): Promise<{ lesson: Lesson; project: Project }> | { lesson: Lesson; project: Project };
  listCaptions(lessonId: string): Promise<Caption[]> | Caption[];
  /** The project's active lessons in lesson order: a cmi5 course of the whole project takes them all. */
  listLessons(projectId: string): Promise<Lesson[]> | Lesson[];
  /** The lesson's layers made for its current edit list (see cut/layers.ts), or null when none are. */
  findLayers(lessonId: string): Promise<Layers | null> | Layers | null;
  /** Why the lesson's take cannot be cut into layers (its codecs), or null. */
  layersProblem(lessonId: string): Promise<string | null> | string | null;
}

/** One file of a lesson's layers, with its absolute `file`, like the renders. */
export type SnapshotLayer = LayerFile & { readonly file: string };

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
  /** A `player` package's video: the recording cut to the lesson, the camera apart. Null for a package of renders. */
  readonly layers: readonly SnapshotLayer[] | null;
  /** Each with its absolute `file`, like the renders. */
  readonly captions: readonly (Caption & { readonly file: string })[];
  readonly settings: PublishSettings;
  /**
   * A cmi5 course of the whole project: every lesson's snapshot in lesson order, this one among them (each with its
   * own title and rules, and `course` null). Null for a package of this lesson alone.
   */
  readonly course: readonly LessonSnapshot[] | null;
}

/** Of a lesson's up-to-date renders, the newest of each label: what a course publishes for its other lessons. */
function newestUpToDate(renders: readonly Render[], document: Pick<LessonDocument, 'takeId' | 'revision'>) {
  const ready = renders.filter((render) => isUpToDate(render, document));
  return ready.filter((render, index) => ready.findIndex((other) => other.label === render.label) === index);
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
  const takenAt = now();
  const main = await lessonSnapshot(source, lessonId, settings, takenAt, null);
  if (settings.courseScope === 'lesson') return deepFreeze(main);
  if (settings.format !== 'cmi5')
    throw new StudioError('invalid_input', 'Only a cmi5 course can hold every lesson of the project', [
      { path: 'courseScope', message: 'Choose cmi5 to publish the whole project as one course' },
    ]);
  const lessons = await source.listLessons(main.project.id);
  const course = await Promise.all(
    lessons.map(async (lesson) => {
      if (lesson.id === lessonId) return main;
      const document = await source.openDocument(lesson.id);
      const renders = newestUpToDate(await source.listRenders(lesson.id), document);
      if (renders.length === 0 && videoOf(settings) === 'renders')
        throw new StudioError(
          'conflict',
          `“${lesson.title}” has no up-to-date render, so the course cannot include it. Render it first, or publish this lesson alone.`,
        );
      const own: PublishSettings = {
        ...settings,
        title: lesson.title,
        description: '',
        renderIds: renders.map((render) => render.id),
        masteryPercent: document.rules.masteryPercent,
        completion: document.rules.completion,
        courseScope: 'lesson',
      };
      return lessonSnapshot(source, lesson.id, own, takenAt, null);
    }),
  );
  return deepFreeze({ ...main, course });
}

async function lessonSnapshot(
  source: SnapshotSource,
  lessonId: string,
  settings: PublishSettings,
  takenAt: number,
  course: readonly LessonSnapshot[] | null,
): Promise<LessonSnapshot> {
  const [info, document, renders, captions] = await Promise.all([
    source.getLesson(lessonId),
    source.openDocument(lessonId),
    source.listRenders(lessonId),
    source.listCaptions(lessonId),
  ]);
  const layers = videoOf(settings) === 'player' ? await layersOf(source, lessonId, info.lesson.title) : null;
  const renderIds = videoOf(settings) === 'player' ? [] : settings.renderIds;
  const chosen = renderIds.map((id) => {
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
  return structuredClone({
    takenAt,
    lesson: info.lesson,
    project: info.project,
    document,
    renders: chosen,
    layers,
    captions: captions.map((caption) => ({
      ...caption,
      file: path.join(source.mediaRoot, ...caption.path.split('/')),
    })),
    settings,
    course,
  });
}

async function layersOf(source: SnapshotSource, lessonId: string, title: string): Promise<SnapshotLayer[]> {
  const layers = await source.findLayers(lessonId);
  if (!layers)
    throw new StudioError(
      'conflict',
      `The video of “${title}” has not been cut for the player since it was last edited. Publish again from the app, which cuts it first.`,
    );
  return layers.files.map((layer) => ({ ...layer, file: path.join(source.mediaRoot, ...layer.path.split('/')) }));
}

function deepFreeze<T>(value: T): T {
  if (value && typeof value === 'object' && !Object.isFrozen(value)) {
    Object.freeze(value);
    for (const child of Object.values(value)) deepFreeze(child);
  }
  return value;
}
