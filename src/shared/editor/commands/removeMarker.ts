import { defineCommand } from './command';
import { findMarker } from './markerList';

export interface RemoveMarkerArgs {
  readonly id: string;
}

export const removeMarker = defineCommand<RemoveMarkerArgs>({
  run: (doc, { id }) => ({ ...doc, markers: doc.markers.filter((marker) => marker.id !== findMarker(doc, id).id) }),
  label: (doc, { id }) => `Delete “${findMarker(doc, id).title}”`,
});
