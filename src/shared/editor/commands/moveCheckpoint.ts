import { formatTimecode } from '../../timeline/timecode';
import { defineCommand } from './command';
import { findCheckpoint, questionName, replaceCheckpoint } from './checkpointList';
import { clampToTake } from './markerList';

export interface MoveCheckpointArgs {
  readonly id: string;
  readonly sourceMs: number;
}

/** Drags and arrow-key nudges of one question merge into one undo step. */
export const moveCheckpoint = defineCommand<MoveCheckpointArgs>({
  run: (doc, { id, sourceMs }) =>
    replaceCheckpoint(doc, { ...findCheckpoint(doc, id), sourceMs: clampToTake(doc, sourceMs) }),
  label: (doc, { id, sourceMs }) =>
    `Move question “${questionName(findCheckpoint(doc, id).prompt)}” to ${formatTimecode(clampToTake(doc, sourceMs))}`,
  mergeKey: ({ id }) => `move-checkpoint:${id}`,
});
