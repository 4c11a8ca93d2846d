import type { DocumentChange, LessonDocument } from './document';
import { deepEqual, sortCallouts, sortCaptionCues, sortCaptionTracks, sortCheckpoints, sortMarkers } from './ordering';

/** What to save to turn `before` into `after`, item by item by id; made against `before`'s revision. */
export function diffDocuments(before: LessonDocument, after: LessonDocument): DocumentChange {
  const change: DocumentChange = {
    takeId: after.takeId,
    baseRevision: before.revision,
    upsertMarkers: changedItems(before.markers, after.markers),
    removeMarkers: removedIds(before.markers, after.markers),
    upsertCallouts: changedItems(before.callouts, after.callouts),
    removeCallouts: removedIds(before.callouts, after.callouts),
    upsertCheckpoints: changedItems(before.checkpoints, after.checkpoints),
    removeCheckpoints: removedIds(before.checkpoints, after.checkpoints),
    upsertCaptionTracks: changedItems(before.captionTracks, after.captionTracks),
    removeCaptionTracks: removedIds(before.captionTracks, after.captionTracks),
    upsertCaptionCues: changedItems(before.captionCues, after.captionCues),
    removeCaptionCues: removedIds(before.captionCues, after.captionCues),
  };
  if (!deepEqual(before.editList, after.editList)) change.editList = after.editList;
  if (!deepEqual(before.layout, after.layout)) change.layout = after.layout;
  if (!deepEqual(before.rules, after.rules)) change.rules = after.rules;
  if (before.notes !== after.notes) change.notes = after.notes;
  return change;
}

/**
 * Whether `change` alters what a render shows: the edit list, the camera layout or a callout (burned in). Notes,
 * captions, key moments, questions and rules go to learners from the document when publishing, not in the video.
 */
export function changesPicture(change: DocumentChange): boolean {
  return (
    change.editList !== undefined ||
    change.layout !== undefined ||
    change.upsertCallouts.length + change.removeCallouts.length > 0
  );
}

/** Whether saving `change` would change nothing, so no step is recorded or sent. */
export function isEmptyChange(change: DocumentChange): boolean {
  return (
    !change.editList &&
    !change.layout &&
    !change.rules &&
    change.notes === undefined &&
    change.upsertCaptionTracks.length +
      change.removeCaptionTracks.length +
      change.upsertCaptionCues.length +
      change.removeCaptionCues.length +
      change.upsertMarkers.length +
      change.removeMarkers.length +
      change.upsertCallouts.length +
      change.removeCallouts.length +
      change.upsertCheckpoints.length +
      change.removeCheckpoints.length ===
      0
  );
}

/** The document as the store will hold it after `change`: the revision moves on by one, items come back in order. */
export function applyChange(doc: LessonDocument, change: DocumentChange): LessonDocument {
  return {
    ...doc,
    revision: change.baseRevision + 1,
    editList: change.editList ?? doc.editList,
    layout: change.layout ?? doc.layout,
    markers: sortMarkers(upsert(doc.markers, change.upsertMarkers, change.removeMarkers)),
    callouts: sortCallouts(upsert(doc.callouts, change.upsertCallouts, change.removeCallouts)),
    checkpoints: sortCheckpoints(upsert(doc.checkpoints, change.upsertCheckpoints, change.removeCheckpoints)),
    rules: change.rules ?? doc.rules,
    notes: change.notes ?? doc.notes,
    captionTracks: sortCaptionTracks(upsert(doc.captionTracks, change.upsertCaptionTracks, change.removeCaptionTracks)),
    captionCues: sortCaptionCues(
      upsert(doc.captionCues, change.upsertCaptionCues, change.removeCaptionCues).filter((cue) =>
        change.removeCaptionTracks.every((id) => id !== cue.trackId),
      ),
    ),
  };
}

interface Identified {
  readonly id: string;
}

function changedItems<T extends Identified>(before: readonly T[], after: readonly T[]): T[] {
  const old = new Map(before.map((item) => [item.id, item]));
  return after.filter((item) => !deepEqual(old.get(item.id), item));
}

function removedIds<T extends Identified>(before: readonly T[], after: readonly T[]): string[] {
  const kept = new Set(after.map((item) => item.id));
  return before.filter((item) => !kept.has(item.id)).map((item) => item.id);
}

function upsert<T extends Identified>(items: readonly T[], upserts: readonly T[], removals: readonly string[]): T[] {
  const byId = new Map(items.map((item) => [item.id, item]));
  for (const item of upserts) byId.set(item.id, item);
  for (const id of removals) byId.delete(id);
  return [...byId.values()];
}
