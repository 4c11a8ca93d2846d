import { init } from './0001-init';
import { lessonTrash } from './0002-lesson-trash';
import type { Migration } from './types';

/** In order; a migration, once released, is never edited: a change is a new file. */
export const migrations: readonly Migration[] = [init, lessonTrash];

export type { Migration };
