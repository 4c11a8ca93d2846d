import { EditRefusedError } from '../../timeline/editList';
import type { CalloutKind } from '../document';
import { defineCommand } from './command';
import { CALLOUT_NAMES, findCallout, fitBox, replaceCallout } from './calloutList';

export interface EditCalloutArgs {
  readonly id: string;
  readonly kind?: CalloutKind;
  readonly text?: string;
  readonly sourceStart?: number;
  readonly sourceEnd?: number;
  readonly burnIn?: boolean;
}

/** Changes what a callout says, what it is, when it shows, or whether it is burned into the video. */
export const editCallout = defineCommand<EditCalloutArgs>({
  run: (doc, { id, ...changes }) => {
    const callout = findCallout(doc, id);
    const kind = changes.kind ?? callout.kind;
    const start = Math.max(0, Math.round(changes.sourceStart ?? callout.sourceStart));
    const end = Math.min(doc.editList.sourceDuration, Math.round(changes.sourceEnd ?? callout.sourceEnd));
    if (end <= start) throw new EditRefusedError('A callout must end after it starts');
    return replaceCallout(doc, {
      ...callout,
      kind,
      text: changes.text ?? callout.text,
      sourceStart: start,
      sourceEnd: end,
      burnIn: changes.burnIn ?? callout.burnIn,
      box: kind === callout.kind ? callout.box : fitBox(kind, callout.box),
    });
  },
  label: (doc, { id }) => `Edit ${CALLOUT_NAMES[findCallout(doc, id).kind]} callout`,
});
