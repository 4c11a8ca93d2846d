import { formatTimecode } from '../../timeline/timecode';
import { defineCommand } from './command';
import { sortMarkers } from '../ordering';
import { clampToTake } from './markerList';

export interface AddMarkerArgs {
  readonly id: string;
  readonly sourceMs: number;
  readonly title: string;
  readonly note?: string;
}

/** A key moment at a source time; the learner sees it as a chapter. */
export const addMarker = defineCommand<AddMarkerArgs>({
  run: (doc, { id, sourceMs, title, note = '' }) => ({
    ...doc,
    markers: sortMarkers([
      ...doc.markers,
      { id, sourceMs: clampToTake(doc, sourceMs), title: title.trim() || 'Key moment', note },
    ]),
  }),
  label: (_doc, { sourceMs }) => `Add key moment at ${formatTimecode(sourceMs)}`,
});
