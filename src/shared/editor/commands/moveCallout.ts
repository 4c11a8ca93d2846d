import { defineCommand } from './command';
import { CALLOUT_NAMES, findCallout, fitBox, replaceCallout } from './calloutList';

export interface MoveCalloutArgs {
  readonly id: string;
  /** The new top-left (for an arrow, its tail), as fractions of the frame. */
  readonly x: number;
  readonly y: number;
}

/** Drags or nudges a callout on the frame; its size stays. Repeated moves of one callout undo as one step. */
export const moveCallout = defineCommand<MoveCalloutArgs>({
  run: (doc, { id, x, y }) => {
    const callout = findCallout(doc, id);
    return replaceCallout(doc, { ...callout, box: fitBox(callout.kind, { ...callout.box, x, y }) });
  },
  label: (doc, { id }) => `Move ${CALLOUT_NAMES[findCallout(doc, id).kind]} callout`,
  mergeKey: ({ id }) => `move-callout:${id}`,
});
