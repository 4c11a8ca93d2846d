import { defineCommand } from './command';
import { CALLOUT_NAMES, findCallout } from './calloutList';

export interface RemoveCalloutArgs {
  readonly id: string;
}

export const removeCallout = defineCommand<RemoveCalloutArgs>({
  run: (doc, { id }) => ({
    ...doc,
    callouts: doc.callouts.filter((callout) => callout.id !== findCallout(doc, id).id),
  }),
  label: (doc, { id }) => `Delete ${CALLOUT_NAMES[findCallout(doc, id).kind]} callout`,
});
