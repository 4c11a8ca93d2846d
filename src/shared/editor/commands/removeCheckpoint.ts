import { defineCommand } from './command';
import { findCheckpoint, questionName } from './checkpointList';

export interface RemoveCheckpointArgs {
  readonly id: string;
}

export const removeCheckpoint = defineCommand<RemoveCheckpointArgs>({
  run: (doc, { id }) => ({
    ...doc,
    checkpoints: doc.checkpoints.filter((checkpoint) => checkpoint.id !== findCheckpoint(doc, id).id),
  }),
  label: (doc, { id }) => `Delete question “${questionName(findCheckpoint(doc, id).prompt)}”`,
});
