import { defineCommand } from './command';
import { CALLOUT_NAMES, findCallout, fitBox, replaceCallout, type CalloutBox } from './calloutList';

export interface ResizeCalloutArgs {
  readonly id: string;
  /** The whole new box, so a handle on any side or corner can move the origin as well as the size. */
  readonly box: CalloutBox;
}

export const resizeCallout = defineCommand<ResizeCalloutArgs>({
  run: (doc, { id, box }) => {
    const callout = findCallout(doc, id);
    return replaceCallout(doc, { ...callout, box: fitBox(callout.kind, box) });
  },
  label: (doc, { id }) => `Resize ${CALLOUT_NAMES[findCallout(doc, id).kind]} callout`,
  mergeKey: ({ id }) => `resize-callout:${id}`,
});
