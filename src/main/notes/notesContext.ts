import type { LessonDocument } from '@shared/editor/document';
import type { NoteFile } from '@shared/notes/files';
import { lessonDuration, placeAnchors } from '@shared/timeline';
import type { NotesContext } from './context';

/** The lesson as a note sees it: its length and questions as learners get them, and its files by name. */
export function notesContextOf(doc: LessonDocument, files: readonly NoteFile[]): NotesContext {
  return {
    durationMs: lessonDuration(doc.editList),
    questions: placeAnchors(doc.editList, doc.checkpoints)
      .filter((question) => !question.removed)
      .sort((a, b) => a.lessonMs - b.lessonMs)
      .map((question) => ({ id: question.id, prompt: question.prompt, lessonMs: question.lessonMs })),
    files: new Map(files.map((file) => [file.name, { kind: file.kind, size: file.sizeBytes }])),
  };
}
