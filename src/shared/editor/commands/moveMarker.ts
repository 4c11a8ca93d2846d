import { formatTimecode } from '../../timeline/timecode';
import { defineCommand } from './command';
import { clampToTake, findMarker, replaceMarker } from './markerList';

export interface MoveMarkerArgs {
  readonly id: string;
  readonly sourceMs: number;
}

export const moveMarker = defineCommand<MoveMarkerArgs>({
  run: (doc, { id, sourceMs }) => replaceMarker(doc, { ...findMarker(doc, id), sourceMs: clampToTake(doc, sourceMs) }),
  label: (doc, { id, sourceMs }) => `Move “${findMarker(doc, id).title}” to ${formatTimecode(sourceMs)}`,
  mergeKey: ({ id }) => `move-marker:${id}`,
});
