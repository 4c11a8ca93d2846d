import type { Contract, ServiceHandlers, Input } from '@shared/contract';
import { StudioError } from '@shared/contract/result';
import type { Take } from '@shared/media/takes';
import { LibraryRows } from '../library/rows';
import type { LibraryDeps } from '../library/ProjectsService';
import { TakeRows } from './takeRows';

export class TakesService implements ServiceHandlers<Contract['takes']> {
  private readonly library: LibraryRows;
  private readonly takes: TakeRows;
  private readonly now: () => number;

  constructor(private readonly deps: LibraryDeps) {
    this.library = new LibraryRows(deps.db);
    this.takes = new TakeRows(deps.db);
    this.now = deps.now ?? Date.now;
  }

  list(input: Input<'takes', 'list'>): Take[] {
    this.library.lesson(input.lessonId);
    return this.takes.takesOf(input.lessonId, input.view === 'trash');
  }

  rename(input: Input<'takes', 'rename'>): Take {
    const take = this.readyTake(input.id);
    this.deps.db
      .prepare('UPDATE takes SET title = ?, updated_at = ? WHERE id = ?')
      .run(input.title, this.now(), take.id);
    return this.changed(take);
  }

  setActive(input: Input<'takes', 'setActive'>): Take {
    const take = this.readyTake(input.id);
    if (take.trashedAt !== null) throw new StudioError('conflict', 'Restore the recording from the trash first');
    this.deps.db
      .prepare('UPDATE lessons SET active_take_id = ?, updated_at = ? WHERE id = ?')
      .run(take.id, this.now(), take.lessonId);
    return this.changed(take);
  }

  /** Trashing the active take makes the newest other take active, so the lesson keeps a video if it has one. */
  trash(input: Input<'takes', 'trash'>): Take {
    const take = this.readyTake(input.id);
    const now = this.now();
    this.deps.db.transaction(() => {
      this.deps.db
        .prepare('UPDATE takes SET trashed_at = ?, updated_at = ? WHERE id = ? AND trashed_at IS NULL')
        .run(now, now, take.id);
      if (take.active) {
        const next = this.takes.takesOf(take.lessonId, false).at(-1);
        this.deps.db.prepare('UPDATE lessons SET active_take_id = ? WHERE id = ?').run(next?.id ?? null, take.lessonId);
      }
    })();
    return this.changed(take);
  }

  restore(input: Input<'takes', 'restore'>): Take {
    const take = this.readyTake(input.id);
    const now = this.now();
    this.deps.db.transaction(() => {
      this.deps.db.prepare('UPDATE takes SET trashed_at = NULL, updated_at = ? WHERE id = ?').run(now, take.id);
      this.deps.db
        .prepare('UPDATE lessons SET active_take_id = ? WHERE id = ? AND active_take_id IS NULL')
        .run(take.id, take.lessonId);
    })();
    return this.changed(take);
  }

  private readyTake(id: string): Take {
    const take = this.takes.take(id);
    if (take.status !== 'ready') throw new StudioError('conflict', 'That recording is not finished yet');
    return take;
  }

  private changed(take: Take): Take {
    this.deps.events.emit('takes', 'onDidChange', { lessonId: take.lessonId });
    return this.takes.take(take.id);
  }
}
