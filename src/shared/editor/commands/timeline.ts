import * as timeline from '../../timeline';
import type { EditList, ReadonlyEditList } from '../../timeline';
import { defineCommand, type Command } from './command';

/** Lifts an edit-list command and its label to the whole document; anchors are never touched (they get flagged). */
function onEditList<A>(
  run: (list: ReadonlyEditList, args: A) => EditList,
  describe: (list: ReadonlyEditList, args: A) => string,
): Command<A> {
  return defineCommand<A>({
    run: (doc, args) => ({ ...doc, editList: run(doc.editList, args) }),
    label: (doc, args) => describe(doc.editList, args),
  });
}

export const trimStart = onEditList(timeline.setTrimStart, timeline.describeSetTrimStart);
export const trimEnd = onEditList(timeline.setTrimEnd, timeline.describeSetTrimEnd);
export const cutRange = onEditList(timeline.cutRange, timeline.describeCutRange);
export const splitAt = onEditList(timeline.splitAt, timeline.describeSplitAt);
export const removeSplit = onEditList(timeline.removeSplit, timeline.describeRemoveSplit);
export const deleteSegment = onEditList(timeline.cutSegment, timeline.describeCutSegment);
export const restoreCut = onEditList(timeline.restoreCut, timeline.describeRestoreCut);
