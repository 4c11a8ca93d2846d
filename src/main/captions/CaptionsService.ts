import { randomUUID } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import type { Contract, ServiceHandlers, Input } from '@shared/contract';
import { StudioError } from '@shared/contract/result';
import { CAPTIONS_MAX_BYTES, checkWebVtt, normalizeTag, type Caption } from '@shared/captions';
import { LibraryRows } from '../library/rows';
import type { LibraryDeps } from '../library/ProjectsService';

interface CaptionRow {
  id: string;
  lesson_id: string;
  label: string;
  srclang: string;
  path: string;
  created_at: number;
}

const toCaption = (row: CaptionRow): Caption => ({
  id: row.id,
  lessonId: row.lesson_id,
  label: row.label,
  srclang: row.srclang,
  path: row.path,
  createdAt: row.created_at,
});

/** Captions files at `media/<projectId>/captions/<id>.vtt`, a row each; the file is written before its row. */
export class CaptionsService implements ServiceHandlers<Contract['captions']> {
  private readonly rows: LibraryRows;
  private readonly now: () => number;

  constructor(private readonly deps: LibraryDeps) {
    this.rows = new LibraryRows(deps.db);
    this.now = deps.now ?? Date.now;
  }

  list(input: Input<'captions', 'list'>): Caption[] {
    this.rows.lesson(input.lessonId);
    const rows = this.deps.db
      .prepare('SELECT * FROM captions WHERE lesson_id = ? ORDER BY label COLLATE NOCASE, srclang')
      .all(input.lessonId) as CaptionRow[];
    return rows.map(toCaption);
  }

  add(input: Input<'captions', 'add'>): Caption {
    const lesson = this.rows.lesson(input.lessonId);
    this.rows.activeProject(lesson.projectId);
    if (lesson.trashedAt !== null)
      throw new StudioError('conflict', `“${lesson.title}” is in the trash; restore it first`);
    if (Buffer.byteLength(input.text, 'utf8') > CAPTIONS_MAX_BYTES)
      throw new StudioError('invalid_input', 'A captions file may be at most 2 MB', [
        { path: 'text', message: 'A captions file may be at most 2 MB' },
      ]);
    const check = checkWebVtt(input.text);
    if (!check.ok) throw new StudioError('invalid_input', check.message, [{ path: 'text', message: check.message }]);
    if (check.cueCount === 0)
      throw new StudioError('invalid_input', 'This captions file has no cues', [
        { path: 'text', message: 'This captions file has no cues' },
      ]);
    const srclang = normalizeTag(input.srclang);
    const taken = this.list({ lessonId: lesson.id }).find(
      (caption) => caption.srclang.toLowerCase() === srclang.toLowerCase(),
    );
    if (taken)
      throw new StudioError(
        'conflict',
        `This lesson already has captions in “${srclang}” (${taken.label}); remove them first`,
        [{ path: 'srclang', message: 'This language already has captions' }],
      );

    const id = randomUUID();
    const relative = `${lesson.projectId}/captions/${id}.vtt`;
    const file = path.join(this.deps.mediaRoot, ...relative.split('/'));
    fs.mkdirSync(path.dirname(file), { recursive: true });
    fs.writeFileSync(file, input.text.replace(/^\uFEFF/, ''), 'utf8');
    try {
      this.deps.db
        .prepare('INSERT INTO captions (id, lesson_id, label, srclang, path, created_at) VALUES (?, ?, ?, ?, ?, ?)')
        .run(id, lesson.id, input.label, srclang, relative, this.now());
    } catch (failure) {
      fs.rmSync(file, { force: true });
      throw failure;
    }
    this.changed(lesson.id);
    return this.get(id);
  }

  remove(input: Input<'captions', 'remove'>): Record<string, never> {
    const caption = this.get(input.id);
    this.deps.db.prepare('DELETE FROM captions WHERE id = ?').run(caption.id);
    fs.rmSync(path.join(this.deps.mediaRoot, ...caption.path.split('/')), { force: true });
    this.changed(caption.lessonId);
    return {};
  }

  private get(id: string): Caption {
    const row = this.deps.db.prepare('SELECT * FROM captions WHERE id = ?').get(id) as CaptionRow | undefined;
    if (!row) throw new StudioError('not_found', 'Those captions no longer exist');
    return toCaption(row);
  }

  private changed(lessonId: string): void {
    this.deps.events.emit('captions', 'onDidChange', { lessonId });
  }
}
