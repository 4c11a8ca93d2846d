import { CHECKPOINTS_MAX, validateCheckpoint, type Checkpoint, type CheckpointInput } from '../../checkpoints/schema';
import { EditRefusedError } from '../../timeline/editList';
import type { LessonDocument } from '../document';
import { sortCheckpoints } from '../ordering';
import { clampToTake } from './markerList';

export function findCheckpoint(doc: LessonDocument, id: string): Checkpoint {
  const checkpoint = doc.checkpoints.find((item) => item.id === id);
  if (!checkpoint) throw new EditRefusedError('That question no longer exists');
  return checkpoint;
}

/** Parses what the question editor hands in, clamped to the take; refused with the first message the form would show. */
export function parseCheckpoint(doc: LessonDocument, input: CheckpointInput): Checkpoint {
  const result = validateCheckpoint({ ...input, sourceMs: clampToTake(doc, input.sourceMs) });
  if (!result.ok) throw new EditRefusedError(result.errors[0]?.message ?? 'That question is not complete');
  return result.checkpoint;
}

export function replaceCheckpoint(doc: LessonDocument, next: Checkpoint): LessonDocument {
  return { ...doc, checkpoints: sortCheckpoints(doc.checkpoints.map((item) => (item.id === next.id ? next : item))) };
}

export function insertCheckpoint(doc: LessonDocument, next: Checkpoint): LessonDocument {
  if (doc.checkpoints.some((item) => item.id === next.id))
    throw new EditRefusedError('That question is already in the lesson');
  if (doc.checkpoints.length >= CHECKPOINTS_MAX)
    throw new EditRefusedError(`A lesson holds at most ${CHECKPOINTS_MAX} questions`);
  return { ...doc, checkpoints: sortCheckpoints([...doc.checkpoints, next]) };
}

const NAME_MAX = 40;

/** The prompt's first line, plain and short, to name the question in undo labels and lists. */
export function questionName(prompt: string): string {
  const line =
    prompt
      .split('\n')
      .find((text) => text.trim() !== '')
      ?.trim() ?? '';
  const plain = line.replace(/[*_`]/g, '');
  if (plain === '') return 'question';
  return plain.length > NAME_MAX ? `${plain.slice(0, NAME_MAX - 1)}…` : plain;
}
