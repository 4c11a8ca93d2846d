import fs from 'node:fs';
import path from 'node:path';
import type { Contract, ServiceHandlers, Input } from '@shared/contract';
import { LibraryRows } from '../library/rows';
import type { LibraryDeps } from '../library/ProjectsService';
import { TakeRows } from '../recording/takeRows';
import { takeFolder } from '../recording/takeFiles';

/** Derived data lives in `<take folder>/derived/<key>.bin`, beside the media it came from and deleted with it. */
export class DerivedService implements ServiceHandlers<Contract['derived']> {
  private readonly library: LibraryRows;
  private readonly takes: TakeRows;

  constructor(private readonly deps: LibraryDeps) {
    this.library = new LibraryRows(deps.db);
    this.takes = new TakeRows(deps.db);
  }

  read(input: Input<'derived', 'read'>): { data: Uint8Array<ArrayBuffer> | null } {
    try {
      return { data: new Uint8Array(fs.readFileSync(this.fileOf(input.takeId, input.key))) };
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code === 'ENOENT') return { data: null };
      throw error;
    }
  }

  /** Written to a temporary name and renamed, so a reader never sees half a cache entry. */
  write(input: Input<'derived', 'write'>): Record<string, never> {
    const file = this.fileOf(input.takeId, input.key);
    fs.mkdirSync(path.dirname(file), { recursive: true });
    const temporary = `${file}.${process.pid}.tmp`;
    fs.writeFileSync(temporary, input.data);
    fs.renameSync(temporary, file);
    return {};
  }

  private fileOf(takeId: string, key: string): string {
    const take = this.takes.take(takeId);
    const folder = takeFolder(this.library.lesson(take.lessonId).projectId, take.id);
    return path.join(this.deps.mediaRoot, ...folder.split('/'), 'derived', `${key}.bin`);
  }
}
