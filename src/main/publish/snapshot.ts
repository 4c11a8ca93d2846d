import path from 'node:path';
import { StudioError } from '@shared/contract/result';
import type { LessonDocument } from '@shared/editor/document';
import type { Lesson, Project } from '@shared/library/schemas';
import type { NoteFile } from '@shared/notes/files';
import type { Render } from '@shared/media/renders';
import { isUpToDate, type UpToDateDocument } from '@shared/render/upToDate';
import { videoOf, type PublishSettings } from '@shared/publish/options';
import { compileNotes } from '../notes/compileNotes';
import { notesContextOf } from '../notes/notesContext';
import type { LayerFile, Layers } from '../cut/layers';

/** Where a snapshot's facts come from: the services themselves in the app, the dispatcher in the CLI. */
export interface SnapshotSource {
  readonly mediaRoot: string;
  openDocument(lessonId: string): Promise<LessonDocument> | LessonDocument;
  listRenders(lessonId: string): Promise<Render[]> | Render[];
  getLesson(lessonId: string): Promise<{ lesson: Lesson; project: Project }> | { lesson: Lesson; project: Project };
  listNoteFiles(lessonId: string): Promise<NoteFile[]> | NoteFile[];
  /** The project's active lessons in lesson order: a cmi5 course of the whole project takes them all. */
  listLessons(projectId: string): Promise<Lesson[]> | Lesson[];
  /** The lesson's layers made for its current edit list (see cut/layers.ts), or null when none are. */
  findLayers(lessonId: string): Promise<Layers | null> | Layers | null;
  /** Why the lesson's take cannot be cut into layers (its codecs), or null. */
  layersProblem(lessonId: string): Promise<string | null> | string | null;
  /** The lesson's address on the class server it was last published to (a Common Cartridge links there), or null. */
  classServerUrl?(lessonId: string): Promise<string | null> | string | null;
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
  /** The notes compiled to HTML at this instant (null when the lesson has none), and the files they use. */
  readonly notes: SnapshotNotes | null;
  /** A `player` package's video: the recording cut to the lesson, the camera apart. Null for a package of renders. */
  readonly layers: readonly SnapshotLayer[] | null;
  readonly settings: PublishSettings;
  /**
   * A Common Cartridge's LTI link: the lesson's class-server address when the cartridge links to it there; null when
   * the lesson goes in as web content (or the package is not a cartridge).
   */
  readonly lessonUrl: string | null;
  /**
   * A cmi5 course of the whole project, or a Common Cartridge: every lesson's snapshot in lesson order, this one among
   * them (each with its own title and rules, and `course` null). Null for a package of this lesson alone.
   */
  readonly course: readonly LessonSnapshot[] | null;
}

export interface SnapshotNotes {
  readonly html: string;
  readonly formulas: boolean;
  /** Only the files the notes use, each with its absolute `file`, like the renders. */
  readonly files: readonly (NoteFile & { readonly file: string })[];
}

/** Of a lesson's up-to-date renders, the newest of each label: what a course publishes for its other lessons. */
function newestUpToDate(renders: readonly Render[], document: UpToDateDocument) {
  const ready = renders.filter((render) => isUpToDate(render, document));
  return ready.filter((render, index) => ready.findIndex((other) => other.label === render.label) === index);
}

export async function takeSnapshot(
  source: SnapshotSource,
  lessonId: string,
  settings: PublishSettings,
  now: () => number = Date.now,
): Promise<LessonSnapshot> {
  const takenAt = now();
  if (settings.format === 'cc') return deepFreeze(await cartridgeSnapshot(source, lessonId, settings, takenAt));
  const main = await lessonSnapshot(source, lessonId, settings, takenAt, { lessonUrl: null });
  if (settings.courseScope === 'lesson') return deepFreeze(main);
  if (settings.format !== 'cmi5')
    throw new StudioError('invalid_input', 'Only a cmi5 course can hold every lesson of the project', [
      { path: 'courseScope', message: 'Choose cmi5 to publish the whole project as one course' },
    ]);
  const lessons = await source.listLessons(main.project.id);
  const course = await Promise.all(
    lessons.map((lesson) =>
      lesson.id === lessonId
        ? Promise.resolve(main)
        : otherLesson(source, lesson, settings, takenAt, { lessonUrl: null }),
    ),
  );
  return deepFreeze({ ...main, course });
}

/**
 * A cartridge holds every lesson of the project. Each goes in as an LTI link to its class-server address or as web
 * content, as `cartridgeLessons` says; a linked lesson needs no video, so only lessons that play from the cartridge
 * are asked for renders or a cut recording. Lessons the teacher asked to link but never published are named.
 */
async function cartridgeSnapshot(
  source: SnapshotSource,
  lessonId: string,
  settings: PublishSettings,
  takenAt: number,
): Promise<LessonSnapshot> {
  const { lesson } = await source.getLesson(lessonId);
  const lessons = await source.listLessons(lesson.projectId);
  const urls = await Promise.all(
    lessons.map(async (each) =>
      settings.cartridgeLessons === 'web' ? null : ((await source.classServerUrl?.(each.id)) ?? null),
    ),
  );
  if (settings.cartridgeLessons === 'link') {
    const missing = lessons.filter((_, index) => urls[index] === null).map((each) => `“${each.title}”`);
    if (missing.length > 0)
      throw new StudioError(
        'conflict',
        `${missing.join(', ')} ${missing.length === 1 ? 'is' : 'are'} not on the class server, so the cartridge cannot link to ${missing.length === 1 ? 'it' : 'them'}. Publish ${missing.length === 1 ? 'it' : 'them'} to the class server first, or put ${missing.length === 1 ? 'it' : 'them'} in the cartridge as web content.`,
      );
  }
  // The dialog's renders (or cut recording) serve its own lesson; the others, and this one when none were named (the
  // CLI), take their newest up-to-date renders.
  const chosen = settings.renderIds.length > 0 || videoOf(settings) === 'player';
  const course = await Promise.all(
    lessons.map((each, index) => {
      const place = { lessonUrl: urls[index] ?? null };
      return each.id === lessonId && chosen
        ? lessonSnapshot(source, lessonId, { ...settings, title: each.title, description: '' }, takenAt, place)
        : otherLesson(source, each, settings, takenAt, place);
    }),
  );
  const main = course.find((each) => each.lesson.id === lessonId);
  if (!main) throw new StudioError('not_found', 'The lesson is no longer among its project’s lessons');
  return { ...main, settings, course };
}

/** Another lesson of a course or cartridge: its own title and rules, its newest up-to-date render of each label. */
async function otherLesson(
  source: SnapshotSource,
  lesson: Lesson,
  settings: PublishSettings,
  takenAt: number,
  place: { lessonUrl: string | null },
): Promise<LessonSnapshot> {
  const document = await source.openDocument(lesson.id);
  const renders = place.lessonUrl === null ? newestUpToDate(await source.listRenders(lesson.id), document) : [];
  if (place.lessonUrl === null && renders.length === 0 && videoOf(settings) === 'renders')
    throw new StudioError(
      'conflict',
      `“${lesson.title}” has no up-to-date render, so the ${settings.format === 'cc' ? 'cartridge' : 'course'} cannot include it. Render it first, or publish this lesson alone.`,
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
  return lessonSnapshot(source, lesson.id, own, takenAt, place);
}

async function lessonSnapshot(
  source: SnapshotSource,
  lessonId: string,
  settings: PublishSettings,
  takenAt: number,
  place: { lessonUrl: string | null },
): Promise<LessonSnapshot> {
  const [info, document, renders, noteFiles] = await Promise.all([
    source.getLesson(lessonId),
    source.openDocument(lessonId),
    source.listRenders(lessonId),
    source.listNoteFiles(lessonId),
  ]);
  // A lesson a cartridge links to on the class server plays there: the cartridge carries no video of it.
  const linked = place.lessonUrl !== null;
  const layers = !linked && videoOf(settings) === 'player' ? await layersOf(source, lessonId, info.lesson.title) : null;
  const renderIds = linked || videoOf(settings) === 'player' ? [] : settings.renderIds;
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
  const notes = await snapshotNotes(document, noteFiles, source.mediaRoot, info.lesson.title);
  return structuredClone({
    takenAt,
    lesson: info.lesson,
    project: info.project,
    document,
    renders: chosen,
    notes,
    layers,
    settings,
    lessonUrl: place.lessonUrl,
    course: null,
  });
}

/** Notes that cannot be compiled stop the publish with their first problem, named as the editor shows it. */
async function snapshotNotes(
  document: LessonDocument,
  files: readonly NoteFile[],
  mediaRoot: string,
  title: string,
): Promise<SnapshotNotes | null> {
  if (document.notes.trim() === '') return null;
  const compiled = await compileNotes(document.notes, notesContextOf(document, files));
  if (!compiled.ok) {
    const [first] = compiled.problems;
    throw new StudioError(
      'invalid_input',
      `The notes of “${title}” have ${String(compiled.problems.length)} problem${compiled.problems.length === 1 ? '' : 's'}: line ${String(first?.line ?? 1)}, ${first?.message ?? ''}. Fix them in the Notes panel, then publish again.`,
    );
  }
  return {
    html: compiled.html,
    formulas: compiled.formulas,
    files: files
      .filter((file) => compiled.files.includes(file.name))
      .map((file) => ({ ...file, file: path.join(mediaRoot, ...file.path.split('/')) })),
  };
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
