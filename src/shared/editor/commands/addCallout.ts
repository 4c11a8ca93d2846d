import { formatTimecodeRange } from '../../timeline/timecode';
import { EditRefusedError } from '../../timeline/editList';
import type { Callout, CalloutKind } from '../document';
import { defineCommand } from './command';
import { sortCallouts } from '../ordering';
import { CALLOUT_NAMES, fitBox, type CalloutBox } from './calloutList';

export interface AddCalloutArgs {
  readonly id: string;
  readonly kind: CalloutKind;
  readonly sourceStart: number;
  readonly sourceEnd: number;
  readonly box?: CalloutBox;
  readonly text?: string;
}

const DEFAULT_BOX: Record<CalloutKind, CalloutBox> = {
  text: { x: 0.3, y: 0.12, w: 0.4, h: 0.12 },
  arrow: { x: 0.3, y: 0.3, w: 0.15, h: 0.15 },
  highlight: { x: 0.35, y: 0.35, w: 0.3, h: 0.2 },
  blur: { x: 0.35, y: 0.35, w: 0.3, h: 0.2 },
};

/** Adds a callout over a source range (clipped to the take); it starts drawn in the middle of the frame. */
export const addCallout = defineCommand<AddCalloutArgs>({
  run: (doc, args) => {
    const start = Math.max(0, Math.round(Math.min(args.sourceStart, args.sourceEnd)));
    const end = Math.min(doc.editList.sourceDuration, Math.round(Math.max(args.sourceStart, args.sourceEnd)));
    if (end <= start) throw new EditRefusedError('A callout needs some time to show');
    const callout: Callout = {
      id: args.id,
      kind: args.kind,
      sourceStart: start,
      sourceEnd: end,
      box: fitBox(args.kind, args.box ?? DEFAULT_BOX[args.kind]),
      text: args.text ?? (args.kind === 'text' ? 'Look here' : ''),
      burnIn: true,
    };
    return { ...doc, callouts: sortCallouts([...doc.callouts, callout]) };
  },
  label: (_doc, args) =>
    `Add ${CALLOUT_NAMES[args.kind]} callout ${formatTimecodeRange(args.sourceStart, args.sourceEnd)}`,
});
