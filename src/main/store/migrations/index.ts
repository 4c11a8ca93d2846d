import { init } from './0001-init';
import { lessonTrash } from './0002-lesson-trash';
import { takes } from './0003-takes';
import { editing } from './0004-editing';
import { renders } from './0005-renders';
import { checkpoints } from './0006-checkpoints';
import { captions } from './0007-captions';
import { jobs } from './0008-jobs';
import { classServer } from './0010-class-server';
import { classResultsCache } from './0011-class-results-cache';
import { notes } from './0012-notes';
import { captionCues } from './0013-caption-cues';
import { pictureRevision } from './0014-picture-revision';
import { publishes } from './0015-publishes';
import { burnedCaptions } from './0016-burned-captions';
import type { Migration } from './types';

/** In order; a migration, once released, is never edited: a change is a new file. */
export const migrations: readonly Migration[] = [
  init,
  lessonTrash,
  takes,
  editing,
  renders,
  checkpoints,
  captions,
  jobs,
  classServer,
  classResultsCache,
  notes,
  captionCues,
  pictureRevision,
  publishes,
  burnedCaptions,
];

export type { Migration };
