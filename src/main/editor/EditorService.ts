import { randomUUID } from 'node:crypto';
import type { Contract, ServiceHandlers, Input, Output } from '@shared/contract';
import { StudioError } from '@shared/contract/result';
import {
  calloutSchema,
  cameraLayoutSchema,
  DEFAULT_CAMERA_LAYOUT,
  type Callout,
  documentChangeSchema,
  type DocumentChange,
  type LessonDocument,
  type Marker,
} from '@shared/editor/document';
import { editListSchema, fullEditList, normalizeEditList } from '@shared/timeline/editList';
import { checkpointSchema, CHECKPOINTS_MAX, lessonRulesSchema, type Checkpoint } from '@shared/checkpoints/schema';
import { changesPicture } from '@shared/editor/diff';
import { sortCaptionTracks } from '@shared/editor/ordering';
import { carryOver } from '@shared/editor/carryOver';
import type { Take } from '@shared/media/takes';
import { CaptionRows } from './captionRows';
import { LibraryRows } from '../library/rows';
import type { LibraryDeps } from '../library/ProjectsService';
import { TakeRows } from '../recording/takeRows';

interface EditRow {
  edit_list: string;
  layout: string;
  revision: number;
  picture_revision: number;
}

/** The lesson's document lives per take; every change is one transaction guarded by the revision it was made on. */
export class EditorService implements ServiceHandlers<Contract['editor']> {
  private readonly library: LibraryRows;
  private readonly takes: TakeRows;
  private readonly now: () => number;
  private readonly captions: CaptionRows;

  constructor(private readonly deps: LibraryDeps) {
    this.library = new LibraryRows(deps.db);
    this.takes = new TakeRows(deps.db);
    this.captions = new CaptionRows(deps.db);
    this.now = deps.now ?? Date.now;
  }

  open(input: Input<'editor', 'open'>): LessonDocument {
    const lesson = this.library.lesson(input.lessonId);
    const takeId = this.activeTakeId(lesson.id);
    if (!takeId) throw new StudioError('conflict', 'This lesson has no recording yet: record or import one first');
    const take = this.takes.take(takeId);
    this.ensureEdits(take);
    return this.read(lesson.id, take.id);
  }

  /**
   * Makes another take the lesson's. The work done on the old one stays with it (switching back brings it back);
   * with `carryOver`, its key moments, callouts and questions are also copied onto the new take by lesson time, in the
   * same transaction, and what needs the teacher's eye (past the new end, or from a cut part) is named in `flagged`.
   */
  switchTake(input: Input<'editor', 'switchTake'>): Output<'editor', 'switchTake'> {
    const take = this.takes.take(input.takeId);
    if (take.status !== 'ready') throw new StudioError('conflict', 'That recording is not finished yet');
    if (take.trashedAt !== null) throw new StudioError('conflict', 'Restore the recording from the trash first');
    const fromId = this.activeTakeId(take.lessonId);
    const { db } = this.deps;
    const result = db.transaction(() => {
      this.ensureEdits(take);
      const hasWork = fromId !== null && fromId !== take.id && this.hasEdits(fromId);
      const carried =
        input.carryOver && hasWork
          ? carryOver(this.read(take.lessonId, fromId), this.read(take.lessonId, take.id), randomUUID)
          : { markers: [], callouts: [], checkpoints: [], flagged: [] };
      const count = carried.markers.length + carried.callouts.length + carried.checkpoints.length;
      if (count > 0) {
        const copy = documentChangeSchema.parse({
          takeId: take.id,
          baseRevision: this.editRow(take.id).revision,
          upsertMarkers: carried.markers,
          upsertCallouts: carried.callouts,
          upsertCheckpoints: carried.checkpoints,
        });
        this.writeMarkers(take.id, copy);
        this.writeCallouts(take.id, copy);
        this.writeCheckpoints(take.id, copy);
        // Carried callouts are drawn on the picture, so a render made before them no longer shows the lesson.
        db.prepare(
          `UPDATE take_edits SET revision = revision + 1, updated_at = ?,
             picture_revision = CASE WHEN ? THEN revision + 1 ELSE picture_revision END WHERE take_id = ?`,
        ).run(this.now(), carried.callouts.length > 0 ? 1 : 0, take.id);
      }
      db.prepare('UPDATE lessons SET active_take_id = ?, updated_at = ? WHERE id = ?').run(
        take.id,
        this.now(),
        take.lessonId,
      );
      return { carried: count, flagged: carried.flagged, revision: this.editRow(take.id).revision };
    })();
    this.deps.events.emit('takes', 'onDidChange', { lessonId: take.lessonId });
    this.deps.events.emit('editor', 'onDidChange', {
      lessonId: take.lessonId,
      takeId: take.id,
      revision: result.revision,
    });
    return { take: this.takes.take(take.id), carried: result.carried, flagged: result.flagged };
  }

  apply(change: Input<'editor', 'apply'>): { revision: number } {
    const take = this.takes.take(change.takeId);
    const { db } = this.deps;
    const revision = db.transaction(() => {
      const current = this.editRow(take.id);
      if (current.revision !== change.baseRevision) {
        throw new StudioError(
          'conflict',
          'This lesson was changed in another window; reopen it to see the latest version',
        );
      }
      const sourceDuration = editListSchema.parse(JSON.parse(current.edit_list)).sourceDuration;
      this.checkInside(change, sourceDuration);
      const next = current.revision + 1;
      db.prepare(
        'UPDATE take_edits SET edit_list = COALESCE(?, edit_list), layout = COALESCE(?, layout), revision = ?, picture_revision = ?, updated_at = ? WHERE take_id = ?',
      ).run(
        change.editList ? JSON.stringify(normalizeEditList({ ...change.editList, sourceDuration })) : null,
        change.layout ? JSON.stringify(change.layout) : null,
        next,
        changesPicture(change) ? next : current.picture_revision,
        this.now(),
        take.id,
      );
      this.writeMarkers(take.id, change);
      this.writeCallouts(take.id, change);
      this.writeCheckpoints(take.id, change);
      this.captions.write(take.id, change, this.now());
      if (change.notes !== undefined)
        db.prepare(
          `INSERT INTO lesson_notes (lesson_id, source, updated_at) VALUES (?, ?, ?)
           ON CONFLICT (lesson_id) DO UPDATE SET source = excluded.source, updated_at = excluded.updated_at`,
        ).run(take.lessonId, change.notes, this.now());
      if (change.rules)
        db.prepare('UPDATE lessons SET rules = ? WHERE id = ?').run(JSON.stringify(change.rules), take.lessonId);
      this.library.touchProject(this.library.lesson(take.lessonId).projectId, this.now());
      return next;
    })();
    this.deps.events.emit('editor', 'onDidChange', { lessonId: take.lessonId, takeId: take.id, revision });
    return { revision };
  }

  private read(lessonId: string, takeId: string): LessonDocument {
    const row = this.editRow(takeId);
    const markers = this.deps.db
      .prepare('SELECT id, source_ms AS sourceMs, title, note FROM markers WHERE take_id = ? ORDER BY source_ms, id')
      .all(takeId) as Marker[];
    const callouts = (
      this.deps.db.prepare('SELECT data FROM callouts WHERE take_id = ? ORDER BY source_start, id').all(takeId) as {
        data: string;
      }[]
    ).map((callout) => calloutSchema.parse(JSON.parse(callout.data)));
    const checkpoints = (
      this.deps.db.prepare('SELECT data FROM checkpoints WHERE take_id = ? ORDER BY source_ms, id').all(takeId) as {
        data: string;
      }[]
    ).map((checkpoint) => checkpointSchema.parse(JSON.parse(checkpoint.data)));
    const rules = this.deps.db.prepare('SELECT rules FROM lessons WHERE id = ?').get(lessonId) as {
      rules: string | null;
    };
    const notes = this.deps.db.prepare('SELECT source FROM lesson_notes WHERE lesson_id = ?').get(lessonId) as
      { source: string } | undefined;
    return {
      lessonId,
      takeId,
      revision: row.revision,
      pictureRevision: row.picture_revision,
      editList: editListSchema.parse(JSON.parse(row.edit_list)),
      layout: cameraLayoutSchema.parse(JSON.parse(row.layout)),
      markers,
      callouts,
      checkpoints,
      rules: lessonRulesSchema.parse(rules.rules ? JSON.parse(rules.rules) : {}),
      notes: notes?.source ?? '',
      captionTracks: sortCaptionTracks(this.captions.tracks(takeId)),
      captionCues: this.captions.cues(takeId),
    };
  }

  private activeTakeId(lessonId: string): string | null {
    const row = this.deps.db.prepare('SELECT active_take_id AS takeId FROM lessons WHERE id = ?').get(lessonId) as {
      takeId: string | null;
    };
    return row.takeId;
  }

  /** A take is edited from the first time its lesson opens in the editor; until then it keeps all of itself. */
  private ensureEdits(take: Take): void {
    this.deps.db
      .prepare(
        'INSERT OR IGNORE INTO take_edits (take_id, edit_list, layout, revision, updated_at) VALUES (?, ?, ?, 0, ?)',
      )
      .run(
        take.id,
        JSON.stringify(fullEditList(Math.max(1, take.durationMs))),
        JSON.stringify(DEFAULT_CAMERA_LAYOUT),
        this.now(),
      );
  }

  private hasEdits(takeId: string): boolean {
    return this.deps.db.prepare('SELECT 1 FROM take_edits WHERE take_id = ?').get(takeId) !== undefined;
  }

  private editRow(takeId: string): EditRow {
    const row = this.deps.db
      .prepare('SELECT edit_list, layout, revision, picture_revision FROM take_edits WHERE take_id = ?')
      .get(takeId) as EditRow | undefined;
    if (!row) throw new StudioError('not_found', 'Open the lesson in the editor first');
    return row;
  }

  private checkInside(change: DocumentChange, sourceDuration: number): void {
    const outside = (ms: number) => ms > sourceDuration;
    if (change.editList && change.editList.sourceDuration !== sourceDuration) {
      throw new StudioError('invalid_input', 'The edit list belongs to a recording of a different length');
    }
    if (
      change.upsertMarkers.some((marker) => outside(marker.sourceMs)) ||
      change.upsertCallouts.some((callout) => outside(callout.sourceEnd)) ||
      change.upsertCheckpoints.some((checkpoint) => outside(checkpoint.sourceMs)) ||
      change.upsertCaptionCues.some((cue) => outside(cue.sourceEnd))
    ) {
      throw new StudioError(
        'invalid_input',
        'Key moments, callouts, questions and captions must fall within the recording',
      );
    }
  }

  /** An id already used by another take's marker is refused rather than moved across takes. */
  private writeMarkers(takeId: string, change: DocumentChange): void {
    const upsert = this.deps.db.prepare(
      `INSERT INTO markers (id, take_id, source_ms, title, note) VALUES (@id, @takeId, @sourceMs, @title, @note)
       ON CONFLICT (id) DO UPDATE SET source_ms = excluded.source_ms, title = excluded.title, note = excluded.note WHERE markers.take_id = excluded.take_id`,
    );
    for (const marker of change.upsertMarkers) {
      if (upsert.run({ ...marker, takeId }).changes === 0)
        throw new StudioError('conflict', 'That key moment belongs to another recording');
    }
    const remove = this.deps.db.prepare('DELETE FROM markers WHERE id = ? AND take_id = ?');
    for (const id of change.removeMarkers) remove.run(id, takeId);
  }

  private writeCheckpoints(takeId: string, change: DocumentChange): void {
    const upsert = this.deps.db.prepare(
      `INSERT INTO checkpoints (id, take_id, source_ms, data) VALUES (@id, @takeId, @sourceMs, @data)
       ON CONFLICT (id) DO UPDATE SET source_ms = excluded.source_ms, data = excluded.data WHERE checkpoints.take_id = excluded.take_id`,
    );
    for (const checkpoint of change.upsertCheckpoints) {
      const row = {
        id: checkpoint.id,
        takeId,
        sourceMs: checkpoint.sourceMs,
        data: JSON.stringify(checkpoint satisfies Checkpoint),
      };
      if (upsert.run(row).changes === 0)
        throw new StudioError('conflict', 'That question belongs to another recording');
    }
    const remove = this.deps.db.prepare('DELETE FROM checkpoints WHERE id = ? AND take_id = ?');
    for (const id of change.removeCheckpoints) remove.run(id, takeId);
    const count = (
      this.deps.db.prepare('SELECT COUNT(*) AS n FROM checkpoints WHERE take_id = ?').get(takeId) as { n: number }
    ).n;
    if (count > CHECKPOINTS_MAX)
      throw new StudioError('invalid_input', `A lesson holds at most ${CHECKPOINTS_MAX} questions`);
  }

  private writeCallouts(takeId: string, change: DocumentChange): void {
    const upsert = this.deps.db.prepare(
      `INSERT INTO callouts (id, take_id, source_start, source_end, data) VALUES (@id, @takeId, @sourceStart, @sourceEnd, @data)
       ON CONFLICT (id) DO UPDATE SET source_start = excluded.source_start, source_end = excluded.source_end, data = excluded.data
       WHERE callouts.take_id = excluded.take_id`,
    );
    for (const callout of change.upsertCallouts) {
      const row = {
        id: callout.id,
        takeId,
        sourceStart: callout.sourceStart,
        sourceEnd: callout.sourceEnd,
        data: JSON.stringify(callout satisfies Callout),
      };
      if (upsert.run(row).changes === 0) throw new StudioError('conflict', 'That callout belongs to another recording');
    }
    const remove = this.deps.db.prepare('DELETE FROM callouts WHERE id = ? AND take_id = ?');
    for (const id of change.removeCallouts) remove.run(id, takeId);
  }
}
