import { defineCommand } from './command';
import { findMarker, replaceMarker } from './markerList';

export interface EditMarkerArgs {
  readonly id: string;
  readonly title?: string;
  readonly note?: string;
}

export const editMarker = defineCommand<EditMarkerArgs>({
  run: (doc, { id, title, note }) => {
    const marker = findMarker(doc, id);
    return replaceMarker(doc, { ...marker, title: title?.trim() || marker.title, note: note ?? marker.note });
  },
  label: (doc, { id }) => `Edit “${findMarker(doc, id).title}”`,
});
