import { randomUUID } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import type { Contract, Input, ServiceHandlers } from '@shared/contract';
import type { NotesPreview } from '@shared/contract/notes';
import { StudioError } from '@shared/contract/result';
import type { LessonDocument } from '@shared/editor/document';
import { DOWNLOAD_TYPES, extensionOf, IMAGE_TYPES, type NoteFile } from '@shared/notes/files';
import { LibraryRows } from '../library/rows';
import type { LibraryDeps } from '../library/ProjectsService';
import { compileNotes } from './compileNotes';
import { notesContextOf } from './notesContext';

interface FileRow {
  id: string;
  lesson_id: string;
  name: string;
  kind: 'image' | 'download';
  media_type: string;
  size_bytes: number;
  path: string;
  created_at: number;
}

const toFile = (row: FileRow): NoteFile => ({
  id: row.id,
  lessonId: row.lesson_id,
  name: row.name,
  kind: row.kind,
  mediaType: row.media_type,
  sizeBytes: row.size_bytes,
  path: row.path,
  createdAt: row.created_at,
});

export interface NotesDeps extends LibraryDeps {
  /** The lesson's document as the editor has it (its length and questions are what a note can refer to). */
  openDocument(lessonId: string): LessonDocument;
}

/**
 * A lesson's notes files (images for <Figure>, documents for <Download>) at
 * `media/<project>/notes/<lesson>/<id>.<ext>`, written before their row; and the compile the editor previews.
 */
export class NotesService implements ServiceHandlers<Contract['notes']> {
  private readonly rows: LibraryRows;
  private readonly now: () => number;

  constructor(private readonly deps: NotesDeps) {
    this.rows = new LibraryRows(deps.db);
    this.now = deps.now ?? Date.now;
  }

  async preview(input: Input<'notes', 'preview'>): Promise<NotesPreview> {
    const doc = this.deps.openDocument(input.lessonId);
    const compiled = await compileNotes(input.source, notesContextOf(doc, this.files(input)));
    return compiled.ok ? { ...compiled, files: [...compiled.files] } : { ok: false, problems: [...compiled.problems] };
  }

  files(input: Input<'notes', 'files'>): NoteFile[] {
    this.rows.lesson(input.lessonId);
    const rows = this.deps.db
      .prepare('SELECT * FROM lesson_files WHERE lesson_id = ? ORDER BY name COLLATE NOCASE')
      .all(input.lessonId) as FileRow[];
    return rows.map(toFile);
  }

  addFile(input: Input<'notes', 'addFile'>): NoteFile {
    const lesson = this.rows.lesson(input.lessonId);
    this.rows.activeProject(lesson.projectId);
    if (lesson.trashedAt !== null)
      throw new StudioError('conflict', `“${lesson.title}” is in the trash; restore it first`);
    const extension = extensionOf(input.name);
    const image = IMAGE_TYPES[extension];
    if (image && !startsWith(input.bytes, image.magic))
      throw new StudioError('invalid_input', `“${input.name}” is not a ${extension.toUpperCase()} image`, [
        { path: 'name', message: 'The file’s contents do not match its name' },
      ]);
    const taken = this.deps.db
      .prepare('SELECT 1 FROM lesson_files WHERE lesson_id = ? AND name = ? COLLATE NOCASE')
      .get(lesson.id, input.name);
    if (taken)
      throw new StudioError('conflict', `This lesson already has a file called “${input.name}”; remove it first`, [
        { path: 'name', message: 'A file of this name is already there' },
      ]);
    const id = randomUUID();
    const relative = `${lesson.projectId}/notes/${lesson.id}/${id}.${extension}`;
    const file = path.join(this.deps.mediaRoot, ...relative.split('/'));
    fs.mkdirSync(path.dirname(file), { recursive: true });
    fs.writeFileSync(file, input.bytes);
    try {
      this.deps.db
        .prepare(
          `INSERT INTO lesson_files (id, lesson_id, name, kind, media_type, size_bytes, path, created_at)
           VALUES (?, ?, ?, ?, ?, ?, ?, ?)`,
        )
        .run(
          id,
          lesson.id,
          input.name,
          image ? 'image' : 'download',
          image?.mediaType ?? DOWNLOAD_TYPES[extension] ?? 'application/octet-stream',
          input.bytes.byteLength,
          relative,
          this.now(),
        );
    } catch (failure) {
      fs.rmSync(file, { force: true });
      throw failure;
    }
    this.changed(lesson.id);
    return this.get(id);
  }

  removeFile(input: Input<'notes', 'removeFile'>): Record<string, never> {
    const found = this.get(input.id);
    this.deps.db.prepare('DELETE FROM lesson_files WHERE id = ?').run(found.id);
    fs.rmSync(path.join(this.deps.mediaRoot, ...found.path.split('/')), { force: true });
    this.changed(found.lessonId);
    return {};
  }

  private get(id: string): NoteFile {
    const row = this.deps.db.prepare('SELECT * FROM lesson_files WHERE id = ?').get(id) as FileRow | undefined;
    if (!row) throw new StudioError('not_found', 'That file is no longer in the lesson');
    return toFile(row);
  }

  private changed(lessonId: string): void {
    this.deps.events.emit('notes', 'onDidChange', { lessonId });
  }
}

function startsWith(bytes: Uint8Array, magic: readonly (number | null)[]): boolean {
  return magic.every((byte, index) => byte === null || bytes[index] === byte);
}
