import type { CheckpointInput } from '../../checkpoints/schema';
import { defineCommand } from './command';
import { findCheckpoint, parseCheckpoint, questionName, replaceCheckpoint } from './checkpointList';

export interface EditCheckpointArgs {
  /** The whole question as edited; its id says which one it replaces. */
  readonly checkpoint: CheckpointInput;
}

export const editCheckpoint = defineCommand<EditCheckpointArgs>({
  run: (doc, { checkpoint }) => {
    findCheckpoint(doc, checkpoint.id);
    return replaceCheckpoint(doc, parseCheckpoint(doc, checkpoint));
  },
  label: (doc, { checkpoint }) => `Edit question “${questionName(findCheckpoint(doc, checkpoint.id).prompt)}”`,
});
