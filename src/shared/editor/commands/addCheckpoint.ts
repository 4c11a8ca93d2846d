import type { CheckpointInput } from '../../checkpoints/schema';
import { formatTimecode } from '../../timeline/timecode';
import { defineCommand } from './command';
import { insertCheckpoint, parseCheckpoint } from './checkpointList';

export interface AddCheckpointArgs {
  /** As the question editor builds it; checked here, so an incomplete question never reaches the document. */
  readonly checkpoint: CheckpointInput;
}

/** A question at a source time: the learner's video stops there until it is answered. */
export const addCheckpoint = defineCommand<AddCheckpointArgs>({
  run: (doc, { checkpoint }) => insertCheckpoint(doc, parseCheckpoint(doc, checkpoint)),
  label: (_doc, { checkpoint }) => `Add question at ${formatTimecode(checkpoint.sourceMs)}`,
});
